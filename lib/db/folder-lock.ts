// One owner per embedded database folder (issue 16). Two processes on one PGlite folder lose
// writes silently, so every process takes this lock before it opens the folder and keeps it until
// the folder is closed. The lock is a directory beside the data folder (`<folder>.lock`, made
// atomically by proper-lockfile, its time stamp refreshed while held); the owner's identity is in
// `<folder>.owner.json` beside it (not inside: writing there would change the time stamp the lock
// library watches). A lock left by a process that died (SIGKILL, power cut) is taken over: at once
// when the owner ran on this machine and is gone, after the stale time when it ran elsewhere (a
// shared volume) or when no owner is recorded (a process died between taking the lock and writing it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { OperatorRefusal } from "./refusal";

/** A lock whose time stamp was not refreshed for this long belongs to a dead or frozen process. */
export const STALE_LOCK_MS = 20_000;

export interface LockOwner {
  pid: number;
  hostname: string;
  /** Linux boot id: the same PID after a reboot is another process. */
  bootId: string | null;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat): the same PID reused later is another process. */
  processStart: string | null;
  command: string;
  since: string;
}

export class FolderLockedError extends OperatorRefusal {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    super(lockedMessage(dir, owner));
  }
}

export interface FolderLock {
  readonly lockPath: string;
  release(): void;
}

export const lockPathFor = (dir: string): string => `${path.resolve(dir)}.lock`;
export const ownerPathFor = (dir: string): string => `${path.resolve(dir)}.owner.json`;

function readFirstLine(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch {
    return null;
  }
}

const bootId = () => readFirstLine("/proc/sys/kernel/random/boot_id");

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses): [0] is the state, [19] the start time. */
function procStat(pid: number): string[] | null {
  const stat = readFirstLine(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : null;
}

const processStart = (pid: number): string | null => procStat(pid)?.[19] ?? null;

function describeSelf(): LockOwner {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: bootId(),
    processStart: processStart(process.pid),
    command: process.argv.slice(1, 3).map((a) => path.basename(a)).join(" ") || process.argv0,
    since: new Date().toISOString(),
  };
}

export function readLockOwner(dir: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(ownerPathFor(dir), "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

/** Is the recorded owner a live process of this machine? null when that cannot be told from here. */
function ownerAlive(owner: LockOwner): boolean | null {
  if (owner.hostname !== os.hostname()) return null;
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return false;
  // A container restarted after a kill often gets the very same PID as its dead predecessor.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = procStat(owner.pid);
  // A killed process nobody has reaped yet (no init in a container) is a zombie: dead all the same.
  if (stat && (stat[0] === "Z" || stat[0] === "X")) return false;
  if (owner.processStart && stat && owner.processStart !== stat[19]) return false;
  return true;
}

function lockedMessage(dir: string, owner: LockOwner | null): string {
  const folder = path.relative(process.cwd(), path.resolve(dir)) || dir;
  const who = owner
    ? `процессом PID ${owner.pid} («${owner.command}»${owner.hostname !== os.hostname() ? ` на узле ${owner.hostname}` : ""}, с ${new Date(owner.since).toLocaleString("ru-RU")})`
    : "другим процессом";
  const stop = owner && owner.hostname === os.hostname() ? `Остановите его (kill ${owner.pid}) и повторите команду` : `Остановите его и повторите команду (если он уже не работает, блокировка снимется сама через ${STALE_LOCK_MS / 1000} с)`;
  return (
    `Встроенная база данных в папке ${folder} уже открыта ${who}. ` +
    `Одну папку PGlite может открывать только один процесс: второй потерял бы записи первого. ` +
    `${stop}; команды обслуживания (сид, резервная копия, возврат писем в очередь) выполняйте, когда сервер остановлен. ` +
    `Несколько процессов на одной базе — только с PostgreSQL (DATABASE_URL).`
  );
}

export interface LockOptions {
  /** Called if the lock is later taken from this process (another machine judged it stale): stop writing at once. */
  onLost(error: Error): void;
  /** Where the takeover of a dead owner's lock is reported. */
  warn?(message: string): void;
}

/** Takes the lock of a data folder or throws FolderLockedError naming the owner. */
export function lockFolder(dir: string, { onLost, warn = console.warn }: LockOptions): FolderLock {
  const resolved = path.resolve(dir);
  const lockPath = lockPathFor(resolved);
  const ownerPath = ownerPathFor(resolved);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const previous = fs.existsSync(lockPath) ? readLockOwner(resolved) : null;
  if (previous) {
    const alive = ownerAlive(previous);
    if (alive) throw new FolderLockedError(resolved, previous);
    if (alive === false) {
      warn(`Блокировка папки ${resolved} осталась от завершившегося процесса PID ${previous.pid}: снята.`);
      // The owner record goes first: whoever looks in between sees a lock being taken, not a dead one.
      fs.rmSync(ownerPath, { force: true });
      fs.rmSync(lockPath, { recursive: true, force: true });
    }
  }
  let release: () => void;
  let lost = false;
  try {
    release = lockfile.lockSync(resolved, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_LOCK_MS,
      onCompromised: (error) => {
        lost = true;
        onLost(error);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new FolderLockedError(resolved, readLockOwner(resolved));
    throw error;
  }
  fs.writeFileSync(ownerPath, JSON.stringify(describeSelf()));
  let released = false;
  // An ending process (process.exit, an uncaught error) leaves neither record behind.
  const onExit = () => removeLock();
  function removeLock() {
    if (released) return;
    released = true;
    process.off("exit", onExit);
    // A lock taken over by another process is theirs now: leave it alone.
    if (lost) return;
    fs.rmSync(ownerPath, { force: true });
    release();
  }
  process.on("exit", onExit);
  return { lockPath, release: removeLock };
}
