// The minutes (biên bản) of one session, on A4, from what the secretary recorded on the
// meeting screen: time and place, who was called and who came (the excused with their
// reasons), the guests, the agenda (the step and its guidance), the speakers in order, the
// minutes as written, the vote, the unit's minutes form where the step has one; signed by
// the THƯ KÝ (the recorded secretary of the meeting) and the CHỦ TRÌ.
//
// /t/:tenant/dot-sinh-hoat/:campaignId/sinh-hoat/:meetingId/in — staff of the unit's subtree.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ApiError, type CampaignDetail, type PlanData } from "../../api";
import type { Meeting } from "../../api-meetings";
import { getUnitStep } from "../../api-steps";
import { PaperHeader, PaperPending, PaperSheet, Signature } from "../../components/Paper";
import PlanDocument from "../../components/PlanDocument";
import { formatDate, formatTime } from "../../lib/format";
import { numberLine, upper } from "../../lib/paper";
import { useTitle } from "../../lib/title";
import { getMeetingRecord } from "../meeting/meeting.data";
import { getPaperUnit, type PaperUnit } from "./papers.data";
import "../plan/plan.css";

interface Minutes {
  meeting: Meeting;
  campaign: CampaignDetail;
  head: PaperUnit;
  /** The unit's answers on the step's minutes form, newest version; null without one. */
  form: { data: PlanData } | null;
}

/** "08 giờ 30 phút, ngày 05/12/2026". */
const at = (iso: string | null | undefined): string => {
  if (!iso) return "… giờ … phút, ngày …/…/……";
  const [h, m] = formatTime(iso).split(":");
  return `${h} giờ ${m} phút, ngày ${formatDate(iso)}`;
};

export default function MinutesPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const paper = createAsync(async (): Promise<Minutes | null> => {
    const meeting = await getMeetingRecord(tenant(), props.params.meetingId ?? "");
    // The meeting's own campaign, whatever the address says.
    const head = await getPaperUnit(tenant(), meeting.campaignId, meeting.unitId);
    if (!head) return null;
    const campaign = head.campaign;
    const step = campaign.definition.steps.find((s) => s.key === meeting.stepKey);
    // Nothing recorded on the form yet prints the meeting without it; any other failure shows.
    const records = step?.formKey
      ? await getUnitStep(tenant(), meeting.campaignId, meeting.stepKey, meeting.unitId).catch(
          (e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)),
        )
      : null;
    const data = records?.versions[0]?.data;
    return { meeting, campaign, head, form: data ? { data } : null };
  });
  useTitle(() => (paper() ? `Biên bản · ${paper()!.meeting.unitName}` : "Biên bản"));

  return (
    <Show
      when={paper()}
      fallback={<PaperPending missing={paper() === null} what="buổi sinh hoạt" />}
    >
      {(p) => {
        const m = () => p().meeting;
        const def = () => p().campaign.definition;
        const step = () => def().steps.find((s) => s.key === m().stepKey);
        const rules = () => def().meetingRules.find((r) => r.key === step()?.meetingRulesKey);
        const format = () => rules()?.formats?.find((f) => f.value === m().format)?.label;
        const form = () => def().forms.find((f) => f.key === step()?.formKey);
        // The template's attendance lines: who fills "chủ trì", and a guest's line in words.
        const line = (key: string | null | undefined) =>
          key ? rules()?.attendance?.find((l) => l.key === key) : undefined;
        const chair = () => m().attendance.find((a) => line(a.role)?.role === "chu-tri");
        const called = () => m().attendance;
        const of = (presence: string) => called().filter((a) => a.presence === presence);
        const speakers = () =>
          called()
            .filter((a) => a.spokeOrder !== null)
            .sort((a, b) => a.spokeOrder! - b.spokeOrder!);
        const kind = () => p().head.paper.unit.kind;
        const vote = () =>
          m().voteFor === null && m().voteAgainst === null && m().voteAbstain === null
            ? null
            : {
                for: m().voteFor ?? 0,
                against: m().voteAgainst ?? 0,
                abstain: m().voteAbstain ?? 0,
              };
        return (
          <PaperSheet back={`/t/${tenant()}/dot-sinh-hoat/${m().campaignId}/sinh-hoat/${m().id}`}>
            <PaperHeader
              superior={p().head.paper.superior}
              issuer={m().unitName}
              number={numberLine("BB", kind())}
              issuing={p().head.issuing}
              date={m().startedAt ?? m().scheduledAt ?? new Date().toISOString()}
            />
            <h1 class="doc-title">
              BIÊN BẢN
              <span class="doc-subtitle">
                {step()?.title ?? "Buổi sinh hoạt"}
                {m().session > 1 ? ` (buổi thứ ${m().session})` : ""}
              </span>
            </h1>
            <p class="doc-para">
              Hồi {at(m().startedAt ?? m().scheduledAt)}, tại {m().place || "…"}, {m().unitName} tổ
              chức sinh hoạt thực hiện {p().campaign.name}
              {p().campaign.documentNo ? ` (${p().campaign.documentNo})` : ""}.
              <Show when={format()}> Hình thức: {format()}.</Show>
            </p>

            <h2 class="doc-h2">I. Thành phần</h2>
            <p class="doc-para">
              Tổng số đảng viên được triệu tập: {called().length}; có mặt: {of("present").length};
              vắng có lý do: {of("excused").length}; vắng không lý do: {of("absent").length}.
            </p>
            <Show when={of("excused").length}>
              <p class="doc-para">
                Vắng có lý do:{" "}
                {of("excused")
                  .map((a) =>
                    a.reason ? `đồng chí ${a.fullName} (${a.reason})` : `đồng chí ${a.fullName}`,
                  )
                  .join("; ")}
                .
              </p>
            </Show>
            <Show when={of("absent").length}>
              <p class="doc-para">
                Vắng không lý do:{" "}
                {of("absent")
                  .map((a) => `đồng chí ${a.fullName}`)
                  .join("; ")}
                .
              </p>
            </Show>
            <Show when={m().guests.length}>
              <p class="doc-para">
                Khách mời:{" "}
                {m()
                  .guests.map((g) =>
                    [g.name, line(g.role)?.who.join(", "), g.organisation]
                      .filter((x) => x)
                      .join(", "),
                  )
                  .join("; ")}
                .
              </p>
            </Show>
            <p class="doc-para">
              Chủ trì: đồng chí {chair()?.fullName ?? "…"}. Thư ký: đồng chí{" "}
              {m().minutesSecretary || "…"}.
            </p>

            <h2 class="doc-h2">II. Nội dung</h2>
            <p class="doc-para">{step()?.description ?? step()?.title ?? ""}</p>
            <Show when={m().materialsSentAt}>
              <p class="doc-para">
                Tài liệu đã gửi đến đảng viên ngày {formatDate(m().materialsSentAt!)}.
              </p>
            </Show>

            <h2 class="doc-h2">III. Ý kiến phát biểu</h2>
            <Show when={speakers().length} fallback={<p class="doc-para">Không có ý kiến.</p>}>
              <ol class="doc-list">
                <For each={speakers()}>{(a) => <li>Đồng chí {a.fullName}</li>}</For>
              </ol>
            </Show>
            <Show when={m().minutes}>
              <For
                each={m()
                  .minutes!.split(/\n+/)
                  .filter((x) => x.trim())}
              >
                {(line) => <p class="doc-para">{line}</p>}
              </For>
            </Show>

            <Show when={form()}>
              {(f) => (
                <>
                  <h2 class="doc-h2">{upper(f().title)}</h2>
                  <PlanDocument
                    form={f()}
                    lists={def().lists}
                    data={p().form?.data ?? {}}
                    confirmedAt={null}
                    print
                  />
                </>
              )}
            </Show>

            <h2 class="doc-h2">IV. Biểu quyết</h2>
            <Show
              when={vote()}
              fallback={
                <p class="doc-para">Tán thành: …; không tán thành: …; không biểu quyết: ….</p>
              }
            >
              {(v) => (
                <p class="doc-para">
                  Biên bản được thông qua trước {m().unitName}: tán thành {v().for}/
                  {of("present").length}; không tán thành {v().against}; không biểu quyết{" "}
                  {v().abstain}.
                </p>
              )}
            </Show>
            <p class="doc-para">Buổi sinh hoạt kết thúc hồi {at(m().endedAt)}.</p>

            <div class="signatures">
              <Signature title="Thư ký" name={m().minutesSecretary ?? ""} />
              <Signature title="Chủ trì" name={chair()?.fullName} />
            </div>
          </PaperSheet>
        );
      }}
    </Show>
  );
}
