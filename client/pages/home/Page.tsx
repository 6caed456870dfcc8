// /t/:tenant — the first screen after sign-in. For now it points to the areas still to come;
// later it becomes "what I must do, by when" (DESIGN.md §5).
import { A, type RouteSectionProps } from "@solidjs/router";
import { useTitle } from "../../lib/title";
import { AREAS, type AreaPath } from "../../lib/areas";

const ABOUT: Record<AreaPath, string> = {
  "viec-cua-toi": "Những việc bạn cần làm trong đợt sinh hoạt và hạn của từng việc.",
  "don-vi": "Các chi bộ, đảng bộ bộ phận và đảng viên trong phạm vi của bạn.",
  "dot-sinh-hoat": "Các đợt sinh hoạt chính trị và tiến độ của từng đơn vị.",
};

export default function HomePage(props: RouteSectionProps) {
  useTitle(() => "Trang chính");
  return (
    <>
      <h1>Trang chính</h1>
      <ul class="tiles">
        {AREAS.map((a) => (
          <li>
            <A href={`/t/${props.params.tenant ?? ""}/${a.path}`} class="tile">
              <span class="tile-title">{a.label}</span>
              <span class="tile-text">{ABOUT[a.path]}</span>
            </A>
          </li>
        ))}
      </ul>
    </>
  );
}
