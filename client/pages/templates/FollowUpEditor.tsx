// The follow-up of a tenant's template as the editor changes it (issue 10's year-end input, on
// the đảng bộ's own directive): the year-end ranking's input text and the members' own
// self-assessment (asked or not, its title and its day — empty is 31/12 of the campaign's
// year), each milestone's title and day (the document's date, dd/mm/yyyy, or the end of the
// half-year or year, or none: guidance), and each periodic report's title, period and
// recipient. Dates are the document's: each campaign moves them with its own start. Each input
// shows the server's message for its own path ("followUp.milestones.0.date") beside it.
import { For, Show } from "solid-js";
import type { FollowUp } from "../../../schema/template";
import { DAY_HINT, formatDay } from "../../lib/labels";
import { DayInput, Field, Input, SelectField, TextArea } from "../../components/Field";
import { messageOf, typedDay, type SectionProps } from "./StepsEditor";

/** The paths this section has an input for: their errors show beside it, not in the alert. */
export const FOLLOW_UP_SHOWN =
  /^followUp\.(milestones\.\d+\.(title|date)|periodicReports\.\d+\.(title|to)|yearEndRanking\.(input|members\.(title|dueOn)))$/;

type Props = SectionProps;
type Milestone = FollowUp["milestones"][number];
type Members = NonNullable<NonNullable<FollowUp["yearEndRanking"]>["members"]>;
type When = "date" | "giua-nam" | "cuoi-nam" | "none";

const WHEN: readonly (readonly [When, string])[] = [
  ["date", "Vào ngày của văn bản"],
  ["giua-nam", "Giữa năm (hết 30/6)"],
  ["cuoi-nam", "Cuối năm (hết 31/12)"],
  ["none", "Không hẹn ngày (chỉ để định hướng)"],
];

type Every = FollowUp["periodicReports"][number]["every"];
const EVERY: readonly (readonly [Every, string])[] = [
  ["6-thang", "6 tháng một lần"],
  ["hang-nam", "Hằng năm"],
];

const whenOf = (m: Milestone): When => (m.date ? "date" : (m.at ?? "none"));

const MEMBERS_DAY_HINT = `Để trống: hết ngày 31/12 của năm diễn ra đợt. Ngày nhập ở đây là ngày của văn bản, mỗi đợt dời theo ngày bắt đầu của đợt. ${DAY_HINT}`;

export default function FollowUpEditor(props: Props) {
  const f = () => props.def.followUp;
  const msg = messageOf(props);
  const any = () =>
    !!f().yearEndRanking || f().milestones.length > 0 || f().periodicReports.length > 0;

  /** A day typed as dd/mm/yyyy: its YYYY-MM-DD, undefined when emptied and `optional`, or
   *  null (with the message beside the input) when it is not a date at all. */
  const day = (path: string, text: string, optional: boolean): string | undefined | null => {
    if (optional && !text.trim()) {
      props.setLocal(path, "");
      return undefined;
    }
    return typedDay(props, path, text);
  };

  return (
    <Show when={any()}>
      <section aria-labelledby="tpl-followup" class="stack">
        <h2 id="tpl-followup">Theo dõi sau đợt</h2>
        <p class="muted">
          Đầu vào xếp loại cuối năm, các mốc và báo cáo định kỳ. Ngày ghi ở đây là ngày của văn bản;
          mỗi đợt dời theo ngày bắt đầu của đợt.
        </p>
        <Show when={f().yearEndRanking}>
          {(y) => (
            <YearEnd {...props} input={y().input} members={y().members} msg={msg} day={day} />
          )}
        </Show>
        <For each={f().milestones}>
          {(m, i) => {
            const path = (k: string) => `followUp.milestones.${i()}.${k}`;
            const setWhen = (when: When) => {
              props.setLocal(path("date"), "");
              props.setDef("followUp", "milestones", i(), {
                date: when === "date" ? (m.date ?? props.def.schedule.dueOn) : undefined,
                at: when === "giua-nam" || when === "cuoi-nam" ? when : undefined,
              });
            };
            return (
              <fieldset class="list-edit" data-milestone={i() + 1}>
                <legend>Mốc {i() + 1}</legend>
                <TextLine
                  id={`milestone-${i()}-title`}
                  label="Tên mốc"
                  error={msg(path("title"))}
                  value={m.title}
                  set={(v) => props.setDef("followUp", "milestones", i(), "title", v)}
                />
                <div class="grid-2">
                  {choose(`milestone-${i()}-when`, "Hạn", WHEN, () => whenOf(m), setWhen)}
                  <Show when={m.date}>
                    {(date) => (
                      <Field
                        id={`milestone-${i()}-date`}
                        label="Ngày"
                        hint={DAY_HINT}
                        error={msg(path("date"))}
                      >
                        <DayInput
                          value={formatDay(date())}
                          onChange={(e) => {
                            const d = day(path("date"), e.currentTarget.value, false);
                            if (d) props.setDef("followUp", "milestones", i(), "date", d);
                          }}
                        />
                      </Field>
                    )}
                  </Show>
                </div>
              </fieldset>
            );
          }}
        </For>
        <For each={f().periodicReports}>
          {(r, i) => {
            const path = (k: string) => `followUp.periodicReports.${i()}.${k}`;
            const line = (k: "title" | "to", label: string) => (
              <TextLine
                id={`periodic-${i()}-${k}`}
                label={label}
                error={msg(path(k))}
                value={r[k]}
                set={(v) => props.setDef("followUp", "periodicReports", i(), k, v)}
              />
            );
            return (
              <fieldset class="list-edit" data-periodic={r.key}>
                <legend>Báo cáo định kỳ {i() + 1}</legend>
                {line("title", "Tên báo cáo")}
                <div class="grid-2">
                  {choose(
                    `periodic-${i()}-every`,
                    "Kỳ báo cáo",
                    EVERY,
                    () => r.every,
                    (v) => props.setDef("followUp", "periodicReports", i(), "every", v),
                  )}
                  {line("to", "Gửi đến")}
                </div>
              </fieldset>
            );
          }}
        </For>
      </section>
    </Show>
  );
}

/** The year-end ranking's input text and the members' own self-assessment. */
function YearEnd(
  props: Props & {
    input: string;
    members: Members | undefined;
    msg: (path: string) => string;
    day: (path: string, text: string, optional: boolean) => string | undefined | null;
  },
) {
  const path = (k: string) => `followUp.yearEndRanking.${k}`;
  // What was asked before the box was unticked, so ticking it again brings it back.
  let kept: Members | undefined = props.members && { ...props.members };
  const setMembers = (members: Members | undefined) =>
    props.setDef("followUp", "yearEndRanking", (y) => y && { ...y, members });
  const fresh = (): Members => ({
    title: "Tự đánh giá kết quả thực hiện kế hoạch, cam kết cá nhân làm đầu vào xếp loại cuối năm",
    cite: props.def.followUp.yearEndRanking?.cite ?? "",
  });
  return (
    <fieldset class="list-edit">
      <legend>Đầu vào xếp loại cuối năm</legend>
      <Field id="yearend-input" label="Nội dung" error={props.msg(path("input"))}>
        <TextArea
          rows={3}
          value={props.input}
          onInput={(e) =>
            props.setDef(
              "followUp",
              "yearEndRanking",
              (y) => y && { ...y, input: e.currentTarget.value },
            )
          }
        />
      </Field>
      <label class="check">
        <input
          id="yearend-members"
          type="checkbox"
          checked={!!props.members}
          onChange={(e) => {
            if (!e.currentTarget.checked) {
              kept = props.members && { ...props.members };
              props.setLocal(path("members.dueOn"), "");
            }
            setMembers(e.currentTarget.checked ? (kept ?? fresh()) : undefined);
          }}
        />
        Mỗi đảng viên tự đánh giá, ghi nhận kết quả thực hiện kế hoạch của mình
      </label>
      <Show when={props.members}>
        {(m) => (
          <>
            <TextLine
              id="yearend-members-title"
              label="Việc của đảng viên"
              error={props.msg(path("members.title"))}
              value={m().title}
              set={(title) => setMembers({ ...m(), title })}
            />
            <Field
              id="yearend-members-date"
              label="Hạn của đảng viên"
              hint={MEMBERS_DAY_HINT}
              error={props.msg(path("members.dueOn"))}
            >
              <DayInput
                value={formatDay(m().dueOn)}
                onChange={(e) => {
                  const d = props.day(path("members.dueOn"), e.currentTarget.value, true);
                  if (d !== null) setMembers({ ...m(), dueOn: d });
                }}
              />
            </Field>
          </>
        )}
      </Show>
    </fieldset>
  );
}

/** A select among [value, label] options in its Field; `selected` is read live. */
function choose<T extends string>(
  id: string,
  label: string,
  options: readonly (readonly [T, string])[],
  selected: () => T,
  set: (value: T) => void,
) {
  return (
    <SelectField
      id={id}
      name={id}
      label={label}
      options={options}
      selected={selected()}
      onChange={(v) => set(v as T)}
    />
  );
}

/** A one-line text input of up to 300 characters in its Field. */
function TextLine(props: {
  id: string;
  label: string;
  error: string;
  value: string;
  set: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <Input
        type="text"
        maxLength={300}
        value={props.value}
        onInput={(e) => props.set(e.currentTarget.value)}
      />
    </Field>
  );
}
