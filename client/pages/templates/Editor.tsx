// /t/:tenant/mau/:key — one template. A built-in is shown read-only with "Nhân bản"; the
// đảng bộ's own copy is edited whole: name, description, the issuing body and place its papers
// print (the đảng bộ's own by default), each step's title, guidance and deadline, the forms'
// wording, the meeting rules, the follow-up (milestones, periodic reports, the year-end input:
// FollowUpEditor), and the lists' items (pasted from the tenant's copy of the source document,
// one per line). Saving sends the whole definition with the version it was read at; the
// server's message for a path ("steps.3.due.date") shows beside its input, the others in the
// alert.
import {
  A,
  createAsync,
  revalidate,
  useAction,
  useSubmission,
  type RouteSectionProps,
} from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import type { TemplateDefinition, TemplateList } from "../../../schema/template";
import { issuingOf } from "../../../schema/rules/issuing";
import type { TemplateDetail } from "../../api-admin";
import { errorCode, errorMessage, fieldError } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { dueRuleText, OWNER_LABELS, stepKindLabel } from "../campaigns/steps";
import { getMe } from "../shell/shell.data";
import CloneForm from "./CloneForm";
import { GroupInputs, groupId, ListsSummary } from "./ListsEditor";
import { FormsEditor, MeetingRulesEditor } from "./RulesEditor";
import StepsEditor, { type SectionProps } from "./StepsEditor";
import FollowUpEditor, { FOLLOW_UP_SHOWN } from "./FollowUpEditor";
import { definitionOf, getTemplateDetail, parseItems, storeTemplate } from "./templates.data";
import "../screens.css";
import { Field, Input, TextArea } from "../../components/Field";
import { Table, Row, RowHead, Cell } from "../../components/Table";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export default function TemplateEditorPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const key = () => props.params.key ?? "";
  const tpl = createAsync(() => getTemplateDetail(tenant(), key()));
  const me = createAsync(() => getMe(tenant()));
  useTitle(() => tpl()?.name ?? "Mẫu đợt sinh hoạt");
  return (
    <>
      <p class="back">
        <A href={`/t/${tenant()}/mau`}>← Mẫu đợt sinh hoạt</A>
      </p>
      {/* Keyed: after a save the fresh definition starts a fresh form. */}
      <Show when={tpl()} keyed fallback={<p class="boot">Đang tải mẫu…</p>}>
        {(t: TemplateDetail) => (
          <Editor tenant={tenant()} tenantName={me()?.tenant.name ?? ""} tpl={t} />
        )}
      </Show>
    </>
  );
}

/** The issuing block's two inputs: its key, label and length. */
const ISSUING = [
  ["body", "Cơ quan ban hành", 200],
  ["place", "Địa danh", 100],
] as const;

function Editor(props: { tenant: string; tenantName: string; tpl: TemplateDetail }) {
  const t = props.tpl;
  const store = useAction(storeTemplate);
  const sub = useSubmission(storeTemplate, (input) => input[1] === t.key);
  // The whole definition as edited; lists are kept as the pasted text until saving.
  const [def, setDef] = createStore<TemplateDefinition>(definitionOf(t));
  const [local, setLocal] = createStore<Record<string, string>>({});
  const err = (path: string) => fieldError(sub.error, path);
  const issuing = () => def.issuing ?? issuingOf(props.tenantName);
  const initialTexts = Object.fromEntries(
    t.lists.flatMap((l) =>
      l.groups.map((g) => [groupId(l.key, g.key), g.items.map((i) => i.text).join("\n")]),
    ),
  );
  const [texts, setTexts] = createSignal<Record<string, string>>(initialTexts);
  const lacking = (l: TemplateList) => l.groups.some((g) => g.items.length < g.expectedCount);

  const edited = (): TemplateDefinition => {
    const out = structuredClone(unwrap(def));
    out.name = out.name.trim();
    out.description = out.description.trim();
    // Shown from the tenant's name until changed: saved as shown.
    if (!out.issuing && props.tenantName) out.issuing = issuingOf(props.tenantName);
    for (const l of out.lists) {
      for (const g of l.groups) {
        const id = groupId(l.key, g.key);
        // Untouched groups keep their items (and their numbers) exactly as they were.
        if (texts()[id] === initialTexts[id]) continue;
        g.items = parseItems(texts()[id] ?? "").map((text, i) => ({ no: i + 1, text }));
      }
    }
    return out;
  };

  /** Problems with no input of their own; those beside an input are not repeated here. */
  const problems = (): string[] => {
    const e = sub.error as { fields?: Record<string, string> } | undefined;
    const entries = Object.entries(e?.fields ?? {});
    const placed = new Set(
      entries.filter(([p]) => !p.startsWith("problems.") && shown(p)).map(([, m]) => m),
    );
    return entries
      .filter(([p, m]) => (p.startsWith("problems.") ? !placed.has(m) : !shown(p)))
      .map(([path, msg]) => (path.startsWith("problems.") ? msg : `«${path}»: ${msg}`));
  };
  /** Paths the form has an input for. */
  const shown = (path: string) =>
    /^(name|description|issuing\.(body|place)|steps\.\d+\.(title|description|due\.(date|offsetDays))|forms\.\d+\.(title|intro)|meetingRules\.\d+\.(minDurationMinutes|materialsLeadDays|notes))$/.test(
      path,
    ) || FOLLOW_UP_SHOWN.test(path);
  const blocked = () => Object.values(local).some(Boolean);
  /** What the steps and follow-up sections edit, with the messages by path. */
  const section: SectionProps = {
    def,
    setDef,
    err,
    local,
    setLocal: (path, message) => setLocal(path, message),
  };

  return (
    <>
      <h1>{t.name}</h1>
      <p class="muted">
        Khóa {t.key} · phiên bản {t.version} · {t.builtIn ? "mẫu có sẵn" : "mẫu của đảng bộ"}
      </p>
      <p>
        Theo {t.source.kind} “{t.source.title}” của {t.source.issuer}
        <Show when={t.source.documentNo}> (số {t.source.documentNo})</Show>.
      </p>

      <Show when={t.launchBlockers.length > 0}>
        <div class="callout-warning" role="note">
          <p>
            <strong>Chưa phát động được đợt nào từ mẫu này:</strong>
          </p>
          <ul>
            <For each={t.launchBlockers}>{(b) => <li>{b}</li>}</For>
          </ul>
        </div>
      </Show>

      <Show
        when={!t.builtIn}
        fallback={
          <>
            <p>{t.description}</p>
            <ListsSummary lists={t.lists} />
            <section class="card" aria-labelledby="clone-title">
              <h2 id="clone-title">Nhân bản để sửa</h2>
              <CloneForm tenant={props.tenant} fromKey={t.key} fromName={t.name} />
            </section>
          </>
        }
      >
        <form
          class="stack card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (blocked()) {
              document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
              return;
            }
            // Errors reach the page through the submission (below), not this promise.
            store(props.tenant, t.key, t.version, edited()).catch(() => {});
          }}
        >
          <Field id="tpl-name" label="Tên mẫu" error={err("name")}>
            <Input
              type="text"
              required
              maxLength={200}
              value={t.name}
              onInput={(e) => setDef("name", e.currentTarget.value)}
            />
          </Field>
          <Field id="tpl-description" label="Mô tả" error={err("description")}>
            <TextArea
              rows={4}
              value={t.description}
              onInput={(e) => setDef("description", e.currentTarget.value)}
            />
          </Field>
          <fieldset class="list-edit">
            <legend>Cơ quan ban hành trên giấy tờ</legend>
            <p class="hint">
              In ở góc trái và dòng địa danh, ngày tháng của kế hoạch, biên bản, báo cáo. Mặc định
              là đảng bộ của mình.
            </p>
            <div class="grid-2">
              <For each={ISSUING}>
                {([key, label, max]) => (
                  <Field id={`tpl-issuing-${key}`} label={label} error={err(`issuing.${key}`)}>
                    <Input
                      type="text"
                      maxLength={max}
                      value={issuing()[key]}
                      onInput={(e) =>
                        setDef("issuing", { ...issuing(), [key]: e.currentTarget.value })
                      }
                    />
                  </Field>
                )}
              </For>
            </div>
          </fieldset>
          <StepsEditor {...section} />
          <FormsEditor def={def} setDef={setDef} err={err} />
          <MeetingRulesEditor def={def} setDef={setDef} err={err} />
          <FollowUpEditor {...section} />
          <Show when={t.lists.length > 0}>
            <h2>Danh sách</h2>
          </Show>

          <For each={t.lists}>
            {(l) => (
              <fieldset class="list-edit">
                <legend>{l.name}</legend>
                <p class="hint">
                  {l.source.document} ({l.source.issuer}). {l.note ?? ""}
                </p>
                <Show
                  when={lacking(l)}
                  fallback={
                    <details>
                      <summary>Xem, sửa {l.expectedCount} nội dung</summary>
                      <GroupInputs list={l} texts={texts()} setText={setTexts} />
                    </details>
                  }
                >
                  <GroupInputs list={l} texts={texts()} setText={setTexts} />
                </Show>
              </fieldset>
            )}
          </For>

          <Alert>
            <Show when={sub.error}>
              <p>{errorMessage(sub.error)}</p>
              <Show when={problems().length > 0}>
                <ul>
                  <For each={problems()}>{(p) => <li>{p}</li>}</For>
                </ul>
              </Show>
              <Show when={errorCode(sub.error) === "VERSION_CONFLICT"}>
                <p class="alert-more">
                  Tải lại để xem bản mới nhất; những gì bạn vừa sửa ở đây sẽ không được giữ, hãy
                  chép ra trước nếu cần.
                </p>
                <button
                  type="button"
                  class="button small"
                  onClick={() => {
                    sub.clear();
                    void revalidate(getTemplateDetail.keyFor(props.tenant, t.key));
                  }}
                >
                  Tải lại
                </button>
              </Show>
            </Show>
          </Alert>
          <p role="status" class="notice">
            {sub.result ? `Đã lưu mẫu (phiên bản ${sub.result.version}).` : ""}
          </p>
          <Submit pending={sub.pending} busy="Đang lưu…">
            Lưu mẫu
          </Submit>
        </form>
      </Show>

      <Show when={t.builtIn}>
        <section aria-labelledby="tpl-steps-ro">
          <h2 id="tpl-steps-ro">Các bước và cách tính hạn</h2>
          <p class="muted">
            Lịch của văn bản: từ {t.schedule.startsOn.split("-").reverse().join("/")} đến{" "}
            {t.schedule.dueOn.split("-").reverse().join("/")}. Mỗi đợt tính lại hạn theo ngày bắt
            đầu và kết thúc của đợt.
          </p>
          <Table
            columns={["Bước", "Ai làm", "Loại", "Hạn"]}
            rows={t.steps}
            stacked
            scrollLabel="tpl-steps"
          >
            {(s) => (
              <Row>
                <RowHead>{s.title}</RowHead>
                <Cell>{OWNER_LABELS[s.owner]}</Cell>
                <Cell>{stepKindLabel(s.kind)}</Cell>
                <Cell class="block">{dueRuleText(s.due, t.steps)}</Cell>
              </Row>
            )}
          </Table>
        </section>
      </Show>
    </>
  );
}
