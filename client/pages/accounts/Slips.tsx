// Printed slips, one per member, cut apart and handed out at the cell meeting: the member's
// name, what they sign in with, a short code and a QR code of the link that redeems it. For
// members without e-mail (invitations) and for a forgotten password (the secretary's reset).
// A lazy chunk of its own: the QR encoder loads only when slips are shown.
import qrcode from "qrcode-generator";
import { For } from "solid-js";
import { formatDateTime } from "../../lib/labels";
import "./slips.css";

export interface Slip {
  memberId: string;
  fullName: string;
  unitName?: string;
  /** The phone in E.164 or the e-mail the member signs in with. */
  login: string;
  code: string;
  url: string;
  expiresAt: string;
}

const TITLES = {
  invite: "Phiếu mời tạo tài khoản",
  reset: "Phiếu đặt lại mật khẩu",
} as const;

/** +84912345678 → 0912 345 678, as people read a number; an e-mail as it is. */
export function loginText(login: string): string {
  const m = /^\+84(\d{3})(\d{3})(\d{3,4})$/.exec(login);
  return m ? `0${m[1]} ${m[2]} ${m[3]}` : login;
}

/** The link as a QR code (a GIF data: URL, which the page's policy allows for images). */
function qrDataUrl(url: string): string {
  const qr = qrcode(0, "M");
  qr.addData(url);
  qr.make();
  return qr.createDataURL(4, 2);
}

export default function Slips(props: { kind: keyof typeof TITLES; slips: readonly Slip[] }) {
  return (
    <section class="slips" aria-label={`${TITLES[props.kind]} để in`}>
      <p class="no-print">
        <button type="button" class="button" onClick={() => print()}>
          In phiếu ({props.slips.length})
        </button>
      </p>
      <ul class="slip-list">
        <For each={props.slips}>
          {(s) => (
            <li class="slip">
              <p class="slip-title">{TITLES[props.kind]}</p>
              <p class="slip-name">
                <strong>{s.fullName}</strong>
                {s.unitName ? ` — ${s.unitName}` : ""}
              </p>
              <img
                class="slip-qr"
                src={qrDataUrl(s.url)}
                alt={`Mã QR mở trang đặt mật khẩu cho ${s.fullName}`}
              />
              <dl class="slip-facts">
                <dt>Đăng nhập bằng</dt>
                <dd>{loginText(s.login)}</dd>
                <dt>Mã</dt>
                <dd class="slip-code">{s.code}</dd>
                <dt>Hoặc mở</dt>
                <dd class="slip-url">{s.url}</dd>
                <dt>Hết hạn</dt>
                <dd>{formatDateTime(s.expiresAt)}</dd>
              </dl>
              <p class="slip-help">
                Quét mã QR (hoặc mở địa chỉ trên), đặt mật khẩu, rồi đăng nhập bằng{" "}
                {s.login.startsWith("+") ? "số điện thoại" : "thư điện tử"} ở trên. Mã chỉ dùng được
                một lần.
              </p>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
