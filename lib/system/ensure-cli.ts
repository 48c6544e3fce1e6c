// `tsx lib/system/ensure-cli.ts <test|e2e|bench|dev>`: the set-up step of the README's commands.
// Installs the missing Debian packages when run as root, otherwise stops with one Russian line
// giving the exact command (lib/system/requirements.ts decides which).
import { spawnSync } from "node:child_process";
import { NEEDS, planSetup, systemProbe } from "./requirements";

const command = process.argv[2] ?? "test";
if (!(command in NEEDS)) {
  console.error(`Неизвестная команда «${command}»: ожидается одна из ${Object.keys(NEEDS).join(", ")}.`);
  process.exit(2);
}

const apt = (args: string[]) =>
  spawnSync(args[0], args.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;

let plan = planSetup(command, systemProbe());
if (plan.kind === "install") {
  console.log(`Устанавливаю недостающие пакеты: ${plan.packages.join(" ")}`);
  // Package lists on a fresh machine may be stale (an old version no longer served): refresh once.
  if (!apt(plan.command) && apt(["apt-get", "update", "-q"])) apt(plan.command);
  plan = planSetup(command, systemProbe());
  if (plan.kind === "install") {
    // What the command can do without (WANTS) is only a warning, installed or not.
    const without = planSetup(command, { ...systemProbe(), isRoot: false });
    plan = without.kind === "warn" ? without : { kind: "refuse", message: `Не удалось установить ${plan.packages.join(" ")}: выполните ${plan.command.join(" ")} и посмотрите сообщение apt-get.` };
  }
}
if (plan.kind === "refuse") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.kind === "warn") console.warn(plan.message);
