// /t/:tenant/dot-sinh-hoat/:campaignId/sinh-hoat/:meetingId — the secretary's meeting record,
// filled in on a phone during the meeting: schedule, materials, roll-call, start and end,
// speaking order, minutes, guests, the vote.
//
// The record and how it saves live in record.ts; this file is what the secretary sees.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { createMemo, createSignal, For, Index, Show } from "solid-js";
import type { Member } from "../../api";
import type { Presence } from "../../api-meetings";
import { Field, Input, TextArea } from "../../components/Field";
import { useTitle } from "../../lib/title";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import { Stepper, TextField, TimeField } from "./controls";
import Directive from "./Directive";
import { getMeetingRecord, getUnitMembers } from "./meeting.data";
import { useMeetingRecord } from "./record";
import "../screens.css";
import "./meeting.css";

const PRESENCE: { value: Presence; label: string }[] = [
  { value: "present", label: "Có mặt" },
  { value: "excused", label: "Vắng có lý do" },
  { value: "absent", label: "Vắng không lý do" },
];

/** Members who have left the unit are not called. */
const GONE = new Set(["chuyen-di", "tu-tran"]);

type TimeKey = "scheduledAt" | "materialsSentAt" | "soTayPostedAt" | "startedAt" | "endedAt";
type TextKey = "place" | "soTayLink" | "minutesSecretary";

export default function MeetingPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  const meetingId = () => props.params.meetingId ?? "";
  const loaded = createAsync(() => getMeetingRecord(tenant(), meetingId()));
  const campaign = createAsync(() => getCampaignDetail(tenant(), campaignId()));
  const unitId = createMemo(() => loaded()?.unitId ?? "");
  const members = createAsync(async () =>
    unitId() ? getUnitMembers(tenant(), unitId()) : ([] as Member[]),
  );
  const { m, saved, error, save, setEntry } = useMeetingRecord(tenant, meetingId, loaded, members);
  /** A recorded time of the meeting, saved as soon as it is set. */
  const time = (id: string, label: string, key: TimeKey, now?: string) => (
    <TimeField
      id={id}
      label={label}
      value={m()![key]}
      now={now}
      onSave={(v) => save({ [key]: v })}
    />
  );
  const text = (id: string, label: string, key: TextKey, type?: "url") => (
    <TextField
      id={id}
      label={label}
      type={type}
      value={m()![key]}
      onSave={(v) => save({ [key]: v })}
    />
  );
  const step = () => campaign()?.steps.find((s) => s.key === m()?.stepKey);
  /** The template's rules for this meeting: agenda, notes, what the record must show. */
  const rules = () => {
    const def = campaign()?.definition;
    const key = def?.steps.find((s) => s.key === m()?.stepKey)?.meetingRulesKey;
    return def?.meetingRules.find((r) => r.key === key);
  };
  useTitle(() => (m() ? `Buổi sinh hoạt · ${m()!.unitName}` : "Buổi sinh hoạt"));

  const entryOf = (memberId: string) => m()?.attendance.find((a) => a.memberId === memberId);
  const rollCall = () => {
    const list = (members() ?? []).filter((x) => !GONE.has(x.status));
    // Anyone recorded who is no longer on the roster stays visible.
    const extra = (m()?.attendance ?? [])
      .filter((a) => !list.some((x) => x.id === a.memberId))
      .map((a) => ({ id: a.memberId, fullName: a.fullName, position: null as string | null }));
    return [
      ...list.map((x) => ({ id: x.id, fullName: x.fullName, position: x.position })),
      ...extra,
    ];
  };
  /** A per-member record the rules ask for, only for those present. */
  const check = (
    p: { id: string; fullName: string },
    key: "presentedPlan" | "commentedOn",
    label: string,
  ) => (
    <label class="check">
      <input
        type="checkbox"
        checked={entryOf(p.id)?.[key] === true}
        disabled={entryOf(p.id)?.presence !== "present"}
        onChange={(e) => setEntry(p.id, { [key]: e.currentTarget.checked })}
      />
      <span>
        {label}
        <span class="visually-hidden"> ({p.fullName})</span>
      </span>
    </label>
  );
  const count = (p: Presence) => (m()?.attendance ?? []).filter((a) => a.presence === p).length;
  const speakers = () =>
    (m()?.attendance ?? [])
      .filter((a) => a.spokeOrder !== null)
      .sort((a, b) => a.spokeOrder! - b.spokeOrder!);
  const notYetSpoken = () =>
    (m()?.attendance ?? []).filter((a) => a.presence === "present" && a.spokeOrder === null);
  const speak = (memberId: string) => {
    const last = speakers().at(-1)?.spokeOrder ?? 0;
    setEntry(memberId, { spokeOrder: last + 1 });
  };
  const undoSpeaker = () => {
    const last = speakers().at(-1);
    if (last) setEntry(last.memberId, { spokeOrder: null });
  };
  const vote = () => ({
    for: m()?.voteFor ?? 0,
    against: m()?.voteAgainst ?? 0,
    abstain: m()?.voteAbstain ?? 0,
  });

  const [guestName, setGuestName] = createSignal("");
  const [guestOrg, setGuestOrg] = createSignal("");
  const guestField = (id: string, label: string, value: () => string, set: (v: string) => void) => (
    <Field id={id} label={label}>
      <Input type="text" value={value()} onInput={(e) => set(e.currentTarget.value)} />
    </Field>
  );
  const addGuest = (e: SubmitEvent) => {
    e.preventDefault();
    const name = guestName().trim();
    if (!name) return;
    const org = guestOrg().trim();
    save({ guests: [...(m()?.guests ?? []), { name, ...(org ? { organisation: org } : {}) }] });
    setGuestName("");
    setGuestOrg("");
  };

  return (
    <Show when={m()} fallback={<p class="boot">Đang tải…</p>}>
      {(cur) => (
        <div class="meeting">
          <p class="back">
            <A href={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}`}>
              ← {campaign()?.name ?? "Đợt sinh hoạt"}
            </A>
          </p>
          <h1>{step()?.title ?? "Buổi sinh hoạt"}</h1>
          <p class="muted">
            {cur().unitName} ·{" "}
            <A href={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}/sinh-hoat/${cur().id}/in`}>
              In biên bản
            </A>
          </p>
          <div class="save-bar">
            <p role="status" class="notice">
              {saved()}
            </p>
            <p role="alert" class="alert">
              {error()}
            </p>
          </div>

          <Directive
            rules={rules()}
            materials={campaign()?.definition.materials}
            covered={cur().agenda}
            onAgenda={(agenda) => save({ agenda })}
          />

          <section class="card" aria-labelledby="m-schedule">
            <h2 id="m-schedule">Lịch sinh hoạt</h2>
            {time("m-scheduled", "Thời gian", "scheduledAt")}
            {text("m-place", "Địa điểm", "place")}
          </section>

          <section class="card" aria-labelledby="m-materials">
            <h2 id="m-materials">Tài liệu</h2>
            {time("m-materials-sent", "Gửi tài liệu lúc", "materialsSentAt", "Bây giờ")}
            {text("m-sotay", "Đường dẫn trên Sổ tay đảng viên", "soTayLink", "url")}
            {time("m-sotay-posted", "Đăng lên Sổ tay lúc", "soTayPostedAt", "Bây giờ")}
          </section>

          <section class="card" aria-labelledby="m-run">
            <h2 id="m-run">Diễn biến</h2>
            {time("m-started", "Bắt đầu lúc", "startedAt", "Bắt đầu")}
            {time("m-ended", "Kết thúc lúc", "endedAt", "Kết thúc")}
            <div class="field">
              <p id="m-merged" class="label">
                Hình thức tổ chức
              </p>
              <div class="toggles two" role="group" aria-labelledby="m-merged">
                <button
                  type="button"
                  class="toggle t-present"
                  aria-pressed={cur().mergedWithRegular === false}
                  onClick={() => save({ mergedWithRegular: false })}
                >
                  Tổ chức riêng
                </button>
                <button
                  type="button"
                  class="toggle t-excused"
                  aria-pressed={cur().mergedWithRegular === true}
                  onClick={() => save({ mergedWithRegular: true })}
                >
                  Ghép với sinh hoạt thường kỳ
                </button>
              </div>
            </div>
          </section>

          <section class="card" aria-labelledby="m-roll">
            <h2 id="m-roll">Điểm danh</h2>
            <p class="muted">
              Có mặt {count("present")} · Vắng có lý do {count("excused")} · Vắng không lý do{" "}
              {count("absent")} · Chưa điểm danh{" "}
              {Math.max(0, rollCall().length - cur().attendance.length)}
            </p>
            <ul class="roll">
              <For each={rollCall()}>
                {(p) => (
                  <li class="roll-row">
                    <p class="roll-name" id={`roll-${p.id}`}>
                      <strong>{p.fullName}</strong>
                      <Show when={p.position}>
                        <span class="cell-note">{p.position}</span>
                      </Show>
                    </p>
                    <div class="toggles" role="group" aria-labelledby={`roll-${p.id}`}>
                      <For each={PRESENCE}>
                        {(o) => (
                          <button
                            type="button"
                            class={`toggle t-${o.value}`}
                            aria-pressed={entryOf(p.id)?.presence === o.value}
                            onClick={() => setEntry(p.id, { presence: o.value })}
                          >
                            {o.label}
                          </button>
                        )}
                      </For>
                    </div>
                    <Show when={entryOf(p.id)?.presence === "excused"}>
                      <TextField
                        id={`reason-${p.id}`}
                        label={`Lý do vắng của ${p.fullName}`}
                        value={entryOf(p.id)?.reason ?? null}
                        onSave={(v) => setEntry(p.id, { reason: v })}
                      />
                    </Show>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={entryOf(p.id)?.isCommittee === true}
                        disabled={!entryOf(p.id)}
                        onChange={(e) => setEntry(p.id, { isCommittee: e.currentTarget.checked })}
                      />
                      <span>
                        Cấp ủy viên<span class="visually-hidden"> ({p.fullName})</span>
                      </span>
                    </label>
                    <Show when={rules()?.eachMemberPresentsPlan}>
                      {check(p, "presentedPlan", "Đã trình bày kế hoạch")}
                    </Show>
                    <Show when={rules()?.collectiveCommentsOnEachMember}>
                      {check(p, "commentedOn", "Tập thể đã góp ý")}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>

          <section class="card" aria-labelledby="m-speak">
            <h2 id="m-speak">Thứ tự phát biểu</h2>
            <Show when={speakers().length} fallback={<p class="muted">Chưa ai phát biểu.</p>}>
              <ol class="speakers" aria-label="Đã phát biểu">
                <For each={speakers()}>{(s) => <li>{s.fullName}</li>}</For>
              </ol>
              <button type="button" class="button" onClick={undoSpeaker}>
                Hoàn tác người cuối
              </button>
            </Show>
            <Show when={notYetSpoken().length}>
              <p class="hint">Chạm vào tên người đang phát biểu, theo thứ tự:</p>
              <ul class="speak-choices" aria-label="Chưa phát biểu">
                <For each={notYetSpoken()}>
                  {(a) => (
                    <li>
                      <button type="button" class="button" onClick={() => speak(a.memberId)}>
                        {a.fullName}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>

          <section class="card" aria-labelledby="m-minutes">
            <h2 id="m-minutes">Biên bản</h2>
            {text("m-secretary", "Thư ký ghi biên bản", "minutesSecretary")}
            <Field id="m-minutes-text" label="Nội dung biên bản">
              <TextArea
                rows={8}
                value={cur().minutes ?? ""}
                onChange={(e) => save({ minutes: e.currentTarget.value.trim() || null })}
              />
            </Field>
          </section>

          <section class="card" aria-labelledby="m-guests">
            <h2 id="m-guests">Khách mời</h2>
            <Show when={cur().guests.length} fallback={<p class="muted">Chưa có khách mời.</p>}>
              <ul class="guests">
                <Index each={cur().guests}>
                  {(g, i) => (
                    <li>
                      <span>
                        {g().name}
                        <Show when={g().organisation}>
                          <span class="cell-note">{g().organisation}</span>
                        </Show>
                      </span>
                      <button
                        type="button"
                        class="button small"
                        aria-label={`Bỏ khách mời ${g().name}`}
                        onClick={() => save({ guests: cur().guests.filter((_, j) => j !== i) })}
                      >
                        Bỏ
                      </button>
                    </li>
                  )}
                </Index>
              </ul>
            </Show>
            <form class="stack" onSubmit={addGuest}>
              {guestField("g-name", "Họ tên khách mời", guestName, setGuestName)}
              {guestField("g-org", "Cơ quan, đoàn thể (không bắt buộc)", guestOrg, setGuestOrg)}
              <button type="submit" class="button">
                Thêm khách mời
              </button>
            </form>
          </section>

          <section class="card" aria-labelledby="m-vote">
            <h2 id="m-vote">Biểu quyết</h2>
            <Stepper
              label="Tán thành"
              value={vote().for}
              onChange={(n) => save({ vote: { ...vote(), for: n } })}
            />
            <Stepper
              label="Không tán thành"
              value={vote().against}
              onChange={(n) => save({ vote: { ...vote(), against: n } })}
            />
            <Stepper
              label="Không biểu quyết"
              value={vote().abstain}
              onChange={(n) => save({ vote: { ...vote(), abstain: n } })}
            />
          </section>
        </div>
      )}
    </Show>
  );
}
