// /t/:tenant/mau/:key — one template. A built-in is shown read-only with "Nhân bản"; the
// đảng bộ's own copy can be renamed, described, and have its lists filled in: the directives
// cite lists (the 27 expressions…) without printing them, so their items are pasted here
// from the tenant's copy of the source document, one per line. Saving sends the whole
// definition with the version it was read at. Steps and their due rules are shown as they
// are: editing them is not offered here.
import {
  A,
  createAsync,
  revalidate,
  useAction,
  useSubmission,
  type RouteSectionProps,
} from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { TemplateList } from "../../../schema/template";
import type { TemplateDetail } from "../../api-admin";
import { errorCode, errorMessage } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { dueRuleText, OWNER_LABELS, stepKindLabel } from "../campaigns/steps";
import CloneForm from "./CloneForm";
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
  useTitle(() => tpl()?.name ?? "Mẫu đợt sinh hoạt");
  return (
    <>
      <p class="back">
        <A href={`/t/${tenant()}/mau`}>← Mẫu đợt sinh hoạt</A>
      </p>
      {/* Keyed: after a save the fresh definition starts a fresh form. */}
      <Show when={tpl()} keyed fallback={<p class="boot">Đang tải mẫu…</p>}>
        {(t: TemplateDetail) => <Editor tenant={tenant()} tpl={t} />}
      </Show>
    </>
  );
}

const groupId = (list: string, group: string) => `${list}|${group}`;

function Editor(props: { tenant: string; tpl: TemplateDetail }) {
  const t = props.tpl;
  const store = useAction(storeTemplate);
  const sub = useSubmission(storeTemplate, (input) => input[1] === t.key);
  const [name, setName] = createSignal(t.name);
  const [description, setDescription] = createSignal(t.description);
  const initialTexts = Object.fromEntries(
    t.lists.flatMap((l) =>
      l.groups.map((g) => [groupId(l.key, g.key), g.items.map((i) => i.text).join("\n")]),
    ),
  );
  const [texts, setTexts] = createSignal<Record<string, string>>(initialTexts);
  const lacking = (l: TemplateList) => l.groups.some((g) => g.items.length < g.expectedCount);

  const edited = createMemo(() => {
    const def = definitionOf(t);
    def.name = name().trim();
    def.description = description().trim();
    for (const l of def.lists) {
      for (const g of l.groups) {
        const id = groupId(l.key, g.key);
        // Untouched groups keep their items (and their numbers) exactly as they were.
        if (texts()[id] === initialTexts[id]) continue;
        g.items = parseItems(texts()[id] ?? "").map((text, i) => ({ no: i + 1, text }));
      }
    }
    return def;
  });

  const problems = (): string[] => {
    const e = sub.error as { fields?: Record<string, string> } | undefined;
    return Object.entries(e?.fields ?? {}).map(([path, msg]) =>
      path.startsWith("problems.") ? msg : `«${path}»: ${msg}`,
    );
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
          onSubmit={(e) => {
            e.preventDefault();
            // Errors reach the page through the submission (below), not this promise.
            store(props.tenant, t.key, t.version, edited()).catch(() => {});
          }}
        >
          <Field id="tpl-name" label="Tên mẫu">
            <Input
              type="text"
              required
              maxLength={200}
              value={t.name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </Field>
          <Field id="tpl-description" label="Mô tả">
            <TextArea
              rows={4}
              value={t.description}
              onInput={(e) => setDescription(e.currentTarget.value)}
            />
          </Field>

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

      <section aria-labelledby="tpl-steps">
        <h2 id="tpl-steps">Các bước và cách tính hạn</h2>
        <p class="muted">
          Lịch của văn bản: từ {t.schedule.startsOn.split("-").reverse().join("/")} đến{" "}
          {t.schedule.dueOn.split("-").reverse().join("/")}. Mỗi đợt tính lại hạn theo ngày bắt đầu
          và kết thúc của đợt.
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
    </>
  );
}

/** One textarea per group: "Dán mỗi nội dung một dòng", counted against the group's size. */
function GroupInputs(props: {
  list: TemplateList;
  texts: Record<string, string>;
  setText: (f: (prev: Record<string, string>) => Record<string, string>) => void;
}) {
  return (
    <For each={props.list.groups}>
      {(g, gi) => {
        const id = () => `items-${props.list.key}-${g.key}`;
        const count = () => parseItems(props.texts[groupId(props.list.key, g.key)] ?? "").length;
        const diff = () => count() - g.expectedCount;
        return (
          <div class="field">
            <label for={id()}>
              <Show when={props.list.groups.length > 1}>Nhóm {gi() + 1}: </Show>
              {g.title}
            </label>
            <p id={`${id()}-hint`} class="hint">
              Dán mỗi nội dung một dòng, đúng như văn bản gốc (số thứ tự ở đầu dòng như “1.” hay
              “1)” được bỏ đi).
            </p>
            <textarea
              id={id()}
              rows={6}
              value={props.texts[groupId(props.list.key, g.key)] ?? ""}
              aria-describedby={`${id()}-hint ${id()}-count`}
              onInput={(e) => {
                const v = e.currentTarget.value;
                props.setText((prev) => ({ ...prev, [groupId(props.list.key, g.key)]: v }));
              }}
            />
            <p
              id={`${id()}-count`}
              class="counter"
              classList={{ ok: diff() === 0, over: diff() > 0 }}
              aria-live="polite"
            >
              {count()}/{g.expectedCount} nội dung
              {diff() < 0 ? ` — còn thiếu ${-diff()}` : diff() > 0 ? ` — thừa ${diff()}` : " — đủ"}
            </p>
          </div>
        );
      }}
    </For>
  );
}

function ListsSummary(props: { lists: TemplateList[] }) {
  return (
    <Show when={props.lists.length > 0}>
      <section aria-labelledby="tpl-lists">
        <h2 id="tpl-lists">Danh sách được trích dẫn</h2>
        <ul class="link-list">
          <For each={props.lists}>
            {(l) => (
              <li>
                {l.name}: {l.groups.reduce((n, g) => n + g.items.length, 0)}/{l.expectedCount} nội
                dung đã nhập
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
