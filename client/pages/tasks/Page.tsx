// /t/:tenant/viec-cua-toi — "Việc của tôi": everything the caller must do, by when.
import type { RouteSectionProps } from "@solidjs/router";
import { useTitle } from "../../lib/title";
import TaskList from "./TaskList";

export default function TasksPage(props: RouteSectionProps) {
  useTitle(() => "Việc của tôi");
  return (
    <>
      <h1>Việc của tôi</h1>
      <TaskList tenant={props.params.tenant ?? ""} headingLevel={2} />
    </>
  );
}
