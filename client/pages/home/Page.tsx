// /t/:tenant — the first screen after sign-in. For now it points to the areas the user's
// roles open; later it becomes "what I must do, by when" (DESIGN.md §5).
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { For } from "solid-js";
import { useTitle } from "../../lib/title";
import { areasFor, type AreaPath } from "../../lib/areas";
import { getMe } from "../shell/shell.data";

const ABOUT: Record<AreaPath, string> = {
  "viec-cua-toi": "Những việc bạn cần làm trong đợt sinh hoạt và hạn của từng việc.",
  "don-vi": "Các chi bộ, đảng bộ bộ phận và đảng viên trong phạm vi của bạn.",
  "dot-sinh-hoat": "Các đợt sinh hoạt chính trị và tiến độ của từng đơn vị.",
  "nhap-danh-sach": "Nhập danh sách đảng viên từ tệp Excel hoặc CSV.",
  "tai-khoan": "Tài khoản đăng nhập, vai trò và lời mời.",
  "nhat-ky": "Ai đã thay đổi gì, vào lúc nào.",
};

export default function HomePage(props: RouteSectionProps) {
  const me = createAsync(() => getMe(props.params.tenant ?? ""));
  useTitle(() => "Trang chính");
  return (
    <>
      <h1>Trang chính</h1>
      <ul class="tiles">
        <For each={areasFor(me()?.grants ?? [])}>
          {(a) => (
            <li>
              <A href={`/t/${props.params.tenant ?? ""}/${a.path}`} class="tile">
                <span class="tile-title">{a.label}</span>
                <span class="tile-text">{ABOUT[a.path]}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
