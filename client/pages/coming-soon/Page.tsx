// A placeholder for the areas of the shell that are not built yet. The area's name comes from
// its route's `info.title` (routes.ts), so one component serves all of them.
import { A, useCurrentMatches, type RouteSectionProps } from "@solidjs/router";
import { useTitle } from "../../lib/title";

export default function ComingSoonPage(props: RouteSectionProps) {
  const matches = useCurrentMatches();
  const title = () => (matches().at(-1)?.route.info?.title as string | undefined) ?? "Sắp có";
  useTitle(title);
  return (
    <>
      <h1>{title()}</h1>
      <p class="card">
        <strong>Sắp có.</strong> Phần này đang được xây dựng và sẽ có trong bản cập nhật tới.
      </p>
      <p>
        <A href={`/t/${props.params.tenant ?? ""}`}>Về trang chính</A>
      </p>
    </>
  );
}
