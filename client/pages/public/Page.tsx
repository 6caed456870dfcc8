// /t/:tenant/cong-khai — the public page, no login: the confirmed plans of the people who
// must publish theirs (niêm yết công khai), as they were confirmed, with the đảng bộ's name.
//
// The server sends the answers without the form's labels (GET /public/plans has no form
// definition, and the campaign's definition needs a login), so the answers are shown as
// text in the form's order, each section's answers together.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { PlanData } from "../../api";
import type { PublicPlan } from "../../api-meetings";
import { PageLinks, usePageAfter } from "../../components/PageLinks";
import PublicHeader from "../../components/PublicHeader";
import { formatDate } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { getPublic } from "../meeting/meeting.data";
import "../screens.css";

/** The header facts the plan's card already shows. */
const SHOWN = new Set(["ho-ten", "chuc-vu", "chi-bo", "dang-bo", "nam-sinh"]);

/** Every answer that is text, in order, grouped by the top-level section it belongs to. */
function answers(data: PlanData): { key: string; texts: string[] }[] {
  const out: { key: string; texts: string[] }[] = [];
  const walk = (v: unknown, into: string[]) => {
    if (typeof v === "string" && v.trim()) into.push(v.trim());
    else if (Array.isArray(v)) v.forEach((x) => walk(x, into));
    else if (v && typeof v === "object") Object.values(v).forEach((x) => walk(x, into));
  };
  for (const [key, v] of Object.entries(data)) {
    if (SHOWN.has(key)) continue;
    const texts: string[] = [];
    walk(v, texts);
    if (texts.length) out.push({ key, texts });
  }
  return out;
}

export default function PublicPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const after = usePageAfter();
  const data = createAsync(() => getPublic(slug(), after()));
  useTitle(() => (data() ? `Kế hoạch công khai · ${data()!.tenant.name}` : "Kế hoạch công khai"));
  return (
    <>
      <PublicHeader />
      <main id="main" tabindex="-1" class="page">
        <Show when={data()} fallback={<p class="boot">Đang tải…</p>}>
          {(d) => (
            <>
              <p class="eyebrow">{d().tenant.name}</p>
              <h1>Kế hoạch tu dưỡng, rèn luyện được công khai</h1>
              <p class="muted">
                Kế hoạch đã được chi bộ xác nhận của các đồng chí phải niêm yết công khai tại nơi
                công tác.
              </p>
              <Show when={d().plans.length} fallback={<p>Chưa có kế hoạch nào được công khai.</p>}>
                <ul class="cards">
                  <For each={d().plans}>{(p) => <PlanCard plan={p} />}</For>
                </ul>
              </Show>
              <PageLinks next={d().next} />
            </>
          )}
        </Show>
      </main>
    </>
  );
}

function PlanCard(props: { plan: PublicPlan }) {
  return (
    <li class="card">
      <h2>{props.plan.fullName}</h2>
      <p>
        <Show when={props.plan.position}>{props.plan.position} · </Show>
        {props.plan.unitName}
      </p>
      <p class="muted">
        {props.plan.campaignName}
        <Show when={props.plan.confirmedAt}>
          {" "}
          · Chi bộ xác nhận ngày {formatDate(props.plan.confirmedAt!)}
        </Show>
      </p>
      <details>
        <summary>Nội dung kế hoạch</summary>
        <For each={answers(props.plan.data)}>
          {(a) => (
            <div class="doc-section">
              <For each={a.texts}>{(t) => <p>{t}</p>}</For>
            </div>
          )}
        </For>
      </details>
    </li>
  );
}
