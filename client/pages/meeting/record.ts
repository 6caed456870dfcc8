// The meeting record as the page edits it: every change shows at once and saves at once.
//
// What must stay true:
// - Every change saves (PATCH, or PUT of the whole roll-call) with the version the page
//   holds; saves run one after another so the page never conflicts with itself.
// - The screen shows the change before the server answers (a phone on 3G), and takes the
//   server's answer as its new state. A 409 means someone else saved: the page reloads the
//   record and says so, rather than overwrite their work.
import { useAction } from "@solidjs/router";
import { createEffect, createSignal, type Accessor } from "solid-js";
import { ApiError, type Member } from "../../api";
import {
  getMeeting,
  type AttendanceEntry,
  type Meeting,
  type MeetingPatch,
} from "../../api-meetings";
import { errorText } from "../../lib/errors";
import { formatTime } from "../../lib/format";
import { saveAttendance, saveMeeting } from "./meeting.data";

export type Fields = Omit<MeetingPatch, "version">;

const CONFLICT =
  "Buổi sinh hoạt vừa được người khác cập nhật. Trang đã tải lại bản mới nhất; hãy kiểm tra và nhập lại thay đổi vừa rồi.";

function entriesOf(m: Meeting): AttendanceEntry[] {
  return m.attendance.map((a) => ({
    memberId: a.memberId,
    presence: a.presence,
    reason: a.reason,
    isCommittee: a.isCommittee,
    spokeOrder: a.spokeOrder,
    ...(a.role ? { role: a.role } : {}),
    presentedPlan: a.presentedPlan,
    commentedOn: a.commentedOn,
  }));
}

/** The meeting as it will be once the patch is saved, for the screen meanwhile. */
function applied(m: Meeting, f: Fields): Meeting {
  const { vote, ...rest } = f;
  const next = { ...m, ...rest } as Meeting;
  if (vote !== undefined) {
    next.voteFor = vote?.for ?? null;
    next.voteAgainst = vote?.against ?? null;
    next.voteAbstain = vote?.abstain ?? null;
  }
  return next;
}

export function useMeetingRecord(
  tenant: Accessor<string>,
  meetingId: Accessor<string>,
  loaded: Accessor<Meeting | undefined>,
  members: Accessor<Member[] | undefined>,
) {
  const [m, setM] = createSignal<Meeting>();
  createEffect(() => {
    const l = loaded();
    if (l) setM(l);
  });
  const patch = useAction(saveMeeting);
  const attend = useAction(saveAttendance);
  const [saved, setSaved] = createSignal("");
  const [error, setError] = createSignal("");
  let chain: Promise<void> = Promise.resolve();
  /** Runs one save after the ones before it, with the version current at that moment. */
  function enqueue(work: (version: number) => Promise<Meeting>): void {
    chain = chain.then(async () => {
      const cur = m();
      if (!cur) return;
      setSaved("Đang lưu…");
      try {
        const res = await work(cur.version);
        // The screen already shows every change (applied as it was made), including ones made
        // while this save was in flight: take only the new version from the answer. Taking the
        // whole answer would drop those newer changes, and the next save would send without them.
        setM((now) => (now ? { ...now, version: res.version } : res));
        setError("");
        setSaved(`Đã lưu lúc ${formatTime(new Date())}`);
      } catch (e) {
        setSaved("");
        if (e instanceof ApiError && e.status === 409) {
          setM(await getMeeting(tenant(), meetingId()).catch(() => cur));
          setError(CONFLICT);
        } else {
          // The screen goes back to what the server holds; the message says why.
          setM(await getMeeting(tenant(), meetingId()).catch(() => cur));
          setError(errorText(e));
        }
      }
    });
  }

  const save = (f: Fields) => {
    const cur = m();
    if (!cur) return;
    setM(applied(cur, f));
    enqueue((version) => patch(tenant(), meetingId(), { ...f, version }));
  };

  /** Changes one member's roll-call entry and saves the whole roll-call. */
  const setEntry = (memberId: string, change: Partial<AttendanceEntry>) => {
    const cur = m();
    if (!cur) return;
    const list = entriesOf(cur);
    const i = list.findIndex((e) => e.memberId === memberId);
    const base: AttendanceEntry = i >= 0 ? list[i]! : { memberId, presence: "present" };
    const next = { ...base, ...change };
    if (next.presence !== "excused") next.reason = null;
    if (next.presence !== "present") {
      next.spokeOrder = null;
      next.presentedPlan = false;
      next.commentedOn = false;
    }
    if (i >= 0) list[i] = next;
    else list.push(next);
    const member = members()?.find((x) => x.id === memberId);
    const attendance = list.map((e) => {
      const old = cur.attendance.find((a) => a.memberId === e.memberId);
      return {
        meetingId: cur.id,
        memberId: e.memberId,
        fullName: old?.fullName ?? member?.fullName ?? "",
        leadershipRank: old?.leadershipRank ?? member?.leadershipRank ?? 0,
        presence: e.presence,
        reason: e.reason ?? null,
        isCommittee: e.isCommittee ?? false,
        spokeOrder: e.spokeOrder ?? null,
        role: old?.role ?? null,
        presentedPlan: e.presentedPlan ?? false,
        commentedOn: e.commentedOn ?? false,
      };
    });
    setM({ ...cur, attendance });
    enqueue((version) => attend(tenant(), meetingId(), version, entriesOf(m()!)));
  };

  return { m, setM, saved, error, save, setEntry };
}
