// The plan on paper, in the administrative layout of the Party's documents: the issuing
// đảng bộ and chi bộ top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date
// line, the title in bold capitals, the plan, and the signature blocks with the names.
//
// /t/:tenant/dot-sinh-hoat/:campaignId/ke-hoach/:formKey/in — the member's own plan;
// /t/:tenant/dot-sinh-hoat/:campaignId/xac-nhan/:submissionId/in — a plan the cell reads.
// Outside the shell: no nav on screen either, only a toolbar that does not print.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import type { Form, Issuing, TemplateList } from "../../../schema/template";
import { getSubmission, type PlanData } from "../../api";
import PlanDocument from "../../components/PlanDocument";
import { PaperHeader, PaperPending, PaperSheet, Signature } from "../../components/Paper";
import { formatDate } from "../../lib/format";
import { upper } from "../../lib/paper";
import { leafEntries, valueOfPrefill, withYear } from "../../lib/plan";
import { useTitle } from "../../lib/title";
import { readLocal } from "../plan/autosave";
import { draftKey, getPlan, getReview } from "../plan/plan.data";
import { paperIssuing } from "./papers.data";
import "../plan/plan.css";

interface Paper {
  form: Form;
  lists: TemplateList[];
  data: PlanData;
  year: string;
  /** The issuing body and place, read as every paper reads them (papers.data.ts). */
  issuing: Issuing;
  parentUnitName: string;
  unitName: string;
  memberName: string;
  confirmedAt: string | null;
  /** Who signed for the cell, and its opinion, once the plan is confirmed. */
  confirmation: { opinion: string; signerName: string; signerPosition: string } | null;
  /** The day the plan is dated: when it was submitted, else last saved, else today. */
  date: string;
  back: string;
}

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
        issuing: paperIssuing(r.campaign, r.me),
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
      issuing: paperIssuing(p.campaign, p.me),
      parentUnitName:
        valueOfPrefill(p.form, data, "member.parentUnitName") ||
        p.facts?.parentUnitName ||
        p.me.tenant.name,
      unitName: valueOfPrefill(p.form, data, "member.unitName") || p.facts?.unitName || "",
      memberName: valueOfPrefill(p.form, data, "member.fullName") || p.me.user.fullName,
      confirmedAt: s?.confirmedAt ?? null,
      // A confirmed plan carries the cell's opinion and signer on the member's copy too.
      confirmation: s?.confirmedAt
        ? ((await getSubmission(tenant(), s.id).catch(() => null))?.confirmation ?? null)
        : null,
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
    <Show when={paper()} fallback={<PaperPending missing={paper() === null} what="biểu mẫu" />}>
      {(p) => (
        <PaperSheet back={p().back}>
          <PaperHeader
            superior={p().parentUnitName}
            issuer={p().unitName}
            issuing={p().issuing}
            date={p().date}
          />
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
            <Show when={cell(p().form)} fallback={<div class="sig" />}>
              {(c) => (
                // Blank on a plan not yet confirmed: the cell signs the paper by hand.
                <Signature
                  onBehalf="T/M CHI BỘ"
                  title={p().confirmation?.signerPosition || "Bí thư"}
                  name={p().confirmation?.signerName}
                  help={c().help}
                  note={p().confirmedAt ? `Đã xác nhận ngày ${formatDate(p().confirmedAt!)}` : ""}
                >
                  <p class="sig-title">{upper(c().label)}</p>
                  <Show when={p().confirmation?.opinion}>
                    <p class="sig-opinion">{p().confirmation!.opinion}</p>
                  </Show>
                </Signature>
              )}
            </Show>
            <Signature title={signer(p().form)} name={p().memberName} />
          </div>
        </PaperSheet>
      )}
    </Show>
  );
}
