// A card form that posts a file to an action (multipart, so the server reads the file as it is).
import type { JSX } from "solid-js";

export function UploadForm(props: {
  action: JSX.FormHTMLAttributes<HTMLFormElement>["action"];
  children: JSX.Element;
}) {
  return (
    <form action={props.action} method="post" enctype="multipart/form-data" class="card stack">
      {props.children}
    </form>
  );
}
