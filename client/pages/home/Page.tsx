// /t/:tenant — the first screen after sign-in. A member sees "what I must do, by when" and
// nothing else (DESIGN.md §5); people with other roles see their tasks, then the areas
// their roles open.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { areasFor, type AreaPath } from "../../lib/areas";
import { useTitle } from "../../lib/title";
import { getMeOrOffline } from "../shell/shell.data";
import TaskList from "../tasks/TaskList";

const ABOUT: Record<AreaPath, string> = {
  "viec-cua-toi": "Những việc bạn cần làm trong đợt sinh hoạt và hạn của từng việc.",
  "don-vi": "Các chi bộ, đảng bộ bộ phận và đảng viên trong phạm vi của bạn.",
  "dot-sinh-hoat": "Các đợt sinh hoạt chính trị và tiến độ của từng đơn vị.",
  "giam-sat": "Kế hoạch đã xác nhận được chuyển đến tổ chức giám sát; góp ý cho từng bản.",
  "lien-ket":
    "Liên kết với đảng bộ cấp trên, số liệu của cấp dưới và văn bản chỉ đạo của cấp trên.",
  mau: "Mẫu đợt sinh hoạt: nhân bản mẫu có sẵn, bổ sung theo văn bản của đảng bộ.",
  "nhap-danh-sach": "Nhập danh sách đảng viên từ tệp Excel hoặc CSV.",
  "tai-khoan": "Tài khoản đăng nhập, vai trò và lời mời.",
  "nhat-ky": "Ai đã thay đổi gì, vào lúc nào.",
  "sao-luu": "Tải toàn bộ dữ liệu thành một tệp, hoặc nhập tệp đó vào đảng bộ mới.",
};

export default function HomePage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const me = createAsync(() => getMeOrOffline(slug()));
  /** Someone who runs or watches campaigns, not only takes part in them. */
  const staff = () =>
    (me()?.grants ?? []).some((g) => g.role !== "member" && g.role !== "supervisor");
  const others = () => areasFor(me()?.grants ?? []).filter((a) => a.path !== "viec-cua-toi");
  useTitle(() => (staff() ? "Trang chính" : "Việc của tôi"));
  return (
    <Show
      when={staff()}
      fallback={
        <>
          <h1>Việc của tôi</h1>
          <TaskList tenant={slug()} headingLevel={2} />
        </>
      }
    >
      <h1>Trang chính</h1>
      <section aria-labelledby="home-tasks">
        <h2 id="home-tasks">Việc của tôi</h2>
        <TaskList tenant={slug()} headingLevel={3} />
      </section>
      <section aria-labelledby="home-areas">
        <h2 id="home-areas">Các mục</h2>
        <ul class="tiles">
          <For each={others()}>{(a) => <Tile href={`/t/${slug()}/${a.path}`} area={a} />}</For>
        </ul>
      </section>
    </Show>
  );
}

function Tile(props: { href: string; area: { path: AreaPath; label: string } }) {
  return (
    <li>
      <A href={props.href} class="tile">
        <span class="tile-title">{props.area.label}</span>
        <span class="tile-text">{ABOUT[props.area.path]}</span>
      </A>
    </li>
  );
}
