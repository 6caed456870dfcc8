// The plan on paper, in the administrative layout of the Party's documents: the issuing
// đảng bộ and chi bộ top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date
// line, the title in bold capitals, the plan, and the signature blocks with the names.
//
// /t/:tenant/dot-sinh-hoat/:campaignId/ke-hoach/:formKey/in — the member's own plan;
// /t/:tenant/dot-sinh-hoat/:campaignId/xac-nhan/:submissionId/in — a plan the cell reads.
// Outside the shell: no nav on screen either, only a toolbar that does not print.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import type { Form, TemplateList } from "../../../schema/template";
import type { PlanData } from "../../api";
import PlanDocument from "../../components/PlanDocument";
import { formatDate } from "../../lib/format";
import { leafEntries, valueOfPrefill, withYear } from "../../lib/plan";
import { useTitle } from "../../lib/title";
import { readLocal } from "../plan/autosave";
import { draftKey, getPlan, getReview } from "../plan/plan.data";
import "../plan/plan.css";
import "./print.css";

interface Paper {
  form: Form;
  lists: TemplateList[];
  data: PlanData;
  year: string;
  tenantName: string;
  parentUnitName: string;
  unitName: string;
  memberName: string;
  confirmedAt: string | null;
  /** Who signed for the cell, and its opinion: the reviewer's copy has it. */
  confirmation: { opinion: string; signerName: string; signerPosition: string } | null;
  /** The day the plan is dated: when it was submitted, else last saved, else today. */
  date: string;
  back: string;
}

/**
 * The place of the place-and-date line from the đảng bộ's name where nothing better is known:
 * "Đảng bộ phường Long Biên (mẫu)" → "Long Biên". Administrative words and notes in
 * brackets go; a name that does not fit the pattern is used whole.
 */
export function placeName(tenantName: string): string {
  const s = tenantName
    .replace(/\([^)]*\)/g, "")
    .replace(/^\s*(đảng bộ|đảng ủy|đảng uỷ|quận ủy|huyện ủy|thành ủy|tỉnh ủy)\s+/iu, "")
    .replace(/^\s*(phường|xã|quận|huyện|thị xã|thị trấn|thành phố|tỉnh)\s+/iu, "")
    .trim();
  return s || tenantName.trim();
}

/** "ngày 05 tháng 3 năm 2026": a day under 10, and January and February, take a zero. */
export function dateLine(iso: string): string {
  const [d, m, y] = formatDate(iso).split("/");
  if (!d || !m || !y) return "ngày … tháng … năm …";
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}

const upper = (s: string) => s.toLocaleUpperCase("vi");

export default function PrintPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const paper = createAsync(async (): Promise<Paper | null> => {
    const campaignId = props.params.campaignId ?? "";
    const base = `/t/${tenant()}/dot-sinh-hoat/${campaignId}`;
    if (props.params.submissionId) {
      const r = await getReview(tenant(), campaignId, props.params.submissionId);
      if (!r.form) return null;
      const s = r.submission;
      return {
        form: r.form,
        lists: r.campaign.definition.lists,
        data: s.data,
        year: r.campaign.startsOn.slice(0, 4),
        tenantName: r.me.tenant.name,
        parentUnitName: valueOfPrefill(r.form, s.data, "member.parentUnitName") || r.parentUnitName,
        unitName: valueOfPrefill(r.form, s.data, "member.unitName") || r.unitName,
        memberName: valueOfPrefill(r.form, s.data, "member.fullName") || (s.fullName ?? ""),
        confirmedAt: s.confirmedAt,
        confirmation: r.confirmation,
        date: s.submittedAt ?? s.updatedAt,
        back: `${base}/xac-nhan/${s.id}`,
      };
    }
    const formKey = props.params.formKey ?? "";
    const p = await getPlan(tenant(), campaignId, formKey, "", 0);
    if (!p.form) return null;
    const s = p.submission;
    // Unsaved edits on this device, on top of what the server has, are what the member sees.
    const local = readLocal(draftKey(tenant(), p.me.user.id, campaignId, formKey, ""));
    const data = local && local.baseVersion === (s?.version ?? null) ? local.data : (s?.data ?? {});
    return {
      form: p.form,
      lists: p.lists,
      data,
      year: p.campaign.startsOn.slice(0, 4),
      tenantName: p.me.tenant.name,
      parentUnitName:
        valueOfPrefill(p.form, data, "member.parentUnitName") ||
        p.facts?.parentUnitName ||
        p.me.tenant.name,
      unitName: valueOfPrefill(p.form, data, "member.unitName") || p.facts?.unitName || "",
      memberName: valueOfPrefill(p.form, data, "member.fullName") || p.me.user.fullName,
      confirmedAt: s?.confirmedAt ?? null,
      confirmation: null,
      date: s?.submittedAt ?? s?.updatedAt ?? new Date().toISOString(),
      back: `${base}/ke-hoach/${formKey}`,
    };
  });
  useTitle(() => {
    const p = paper();
    return p ? `Bản in: ${withYear(p.form.title, p.year)}` : "Bản in";
  });

  const signer = (form: Form) => {
    const c = leafEntries(form).find((e) => e.field.type === "commitment")?.field;
    return c ? upper(c.label) : "NGƯỜI VIẾT KẾ HOẠCH";
  };
  const cell = (form: Form) =>
    leafEntries(form).find((e) => e.field.type === "cellConfirmation")?.field;

  return (
    <Show
      when={paper()}
      fallback={
        <main id="main" tabindex="-1" class="page">
          <p class="boot">{paper() === null ? "Không tìm thấy biểu mẫu." : "Đang tải bản in…"}</p>
        </main>
      }
    >
      {(p) => (
        <div class="print-view">
          <div class="print-toolbar no-print">
            <A href={p().back}>← Quay lại</A>
            <button type="button" class="button primary" onClick={() => window.print()}>
              In hoặc lưu PDF
            </button>
          </div>
          <main id="main" tabindex="-1" class="sheet">
            <header class="doc-head">
              <div class="doc-issuer">
                <p>{upper(p().parentUnitName)}</p>
                <Show when={p().unitName}>
                  <p class="strong">{upper(p().unitName)}</p>
                </Show>
                <p class="star" aria-hidden="true">
                  *
                </p>
              </div>
              <div class="doc-national">
                <p class="party">ĐẢNG CỘNG SẢN VIỆT NAM</p>
                <p class="place-date">
                  {placeName(p().tenantName)}, {dateLine(p().date)}
                </p>
              </div>
            </header>
            <h1 class="doc-title">{upper(withYear(p().form.title, p().year))}</h1>
            <Show when={p().form.intro}>
              <p class="doc-intro">{withYear(p().form.intro!, p().year)}</p>
            </Show>
            <PlanDocument
              form={p().form}
              lists={p().lists}
              data={p().data}
              confirmedAt={p().confirmedAt}
              print
            />
            <div class="signatures">
              <div class="sig">
                <Show when={cell(p().form)}>
                  {(c) => (
                    <>
                      <p class="sig-title">{upper(c().label)}</p>
                      <Show when={p().confirmation?.opinion}>
                        <p class="sig-opinion">{p().confirmation!.opinion}</p>
                      </Show>
                      <Show when={p().confirmation}>
                        {(k) => (
                          <>
                            <p class="sig-title">T/M CHI BỘ</p>
                            <p class="sig-title">{upper(k().signerPosition)}</p>
                          </>
                        )}
                      </Show>
                      <p class="sig-help">{c().help ?? "(Ký ghi rõ họ tên)"}</p>
                      <p class="sig-note">
                        {p().confirmedAt ? `Đã xác nhận ngày ${formatDate(p().confirmedAt!)}` : ""}
                      </p>
                      <Show when={p().confirmation}>
                        {(k) => <p class="sig-name">{k().signerName}</p>}
                      </Show>
                    </>
                  )}
                </Show>
              </div>
              <div class="sig">
                <p class="sig-title">{signer(p().form)}</p>
                <p class="sig-help">(Ký ghi rõ họ tên)</p>
                <p class="sig-note" />
                <p class="sig-name">{p().memberName}</p>
              </div>
            </div>
          </main>
        </div>
      )}
    </Show>
  );
}
