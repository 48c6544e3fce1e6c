// The emulator's screens, as the instructions show ЕСИА's: login, consent, errors. Plain HTML
// forms (no scripts), rendered on the server with React.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FONT_FACES } from "./fonts";

// The portal's visual language (components and app/globals.css): Golos Text, the same blues, greys,
// radii and the same orange focus ring; Госуслуги's own two-colour wordmark on top.
const STYLE = `${FONT_FACES}
*{box-sizing:border-box}body{margin:0;font-family:"Golos Text","Helvetica Neue",Arial,sans-serif;background:#f5f7fa;color:#0b1f33;line-height:1.5;font-size:16px}
.emu-bar{background:#ffe9a8;color:#5c4400;text-align:center;font-size:14px;padding:6px 12px}
.wrap{max-width:480px;margin:32px auto;padding:0 16px}.card{background:#fff;border-radius:16px;box-shadow:0 1px 4px rgba(11,31,51,.08);padding:32px 24px}
.logo{display:flex;align-items:center;justify-content:center;gap:8px;font-weight:700;font-size:22px;letter-spacing:.5px;margin:0 0 24px}
.logo .g{color:#0d4cd3}.logo .u{color:#c8102e}
h1{font-size:24px;line-height:1.25;margin:0 0 16px;text-align:center}label{display:block;font-weight:700;margin:16px 0 4px}
input[type=text],input[type=password]{width:100%;padding:12px 16px;border:1px solid #8a96a3;border-radius:8px;font:inherit;color:inherit}
:focus-visible{outline:3px solid #ff9e1b;outline-offset:2px}
.row{display:flex;justify-content:flex-end;margin-top:6px}a{color:#0d4cd3;text-underline-offset:2px}
.btn{display:block;width:100%;padding:12px 24px;border-radius:8px;font:inherit;font-weight:500;border:1px solid #0d4cd3;cursor:pointer;margin-top:16px;text-align:center;text-decoration:none}
.btn-primary{background:#0d4cd3;color:#fff}.btn-primary:hover{background:#0a3ba8}.btn-secondary{background:#fff;color:#0d4cd3}.btn-secondary:hover{background:#e8efff}
.error{background:#fdecee;color:#b0091f;border:2px solid #c8102e;border-radius:12px;padding:12px 16px;margin-bottom:8px}
.muted{color:#5e6a76;font-size:14px}.notice{background:#e8f6ec;color:#0b5c24;border:2px solid #1d8a3b;border-radius:12px;padding:12px 16px}
.grant{border-top:1px solid #e1e6eb;padding-top:16px;margin-top:16px}.grant h2{font-size:18px;margin:0}.center{text-align:center}.sep{margin:24px 0 8px;text-align:center;color:#5e6a76}
ul.rights{padding-left:20px}ul.rights li{margin:6px 0}.system{font-weight:700;text-align:center;font-size:18px;margin:0}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.link-button{background:none;border:0;color:#0d4cd3;text-decoration:underline;text-underline-offset:2px;cursor:pointer;padding:0;font:inherit;text-align:left}
.demo{margin-top:24px;border:2px dashed #8a6d00;border-radius:12px;padding:16px;background:#fffbea}
.demo h2{font-size:16px;margin:0 0 4px}.demo .muted{color:#4d5560}.demo ul{list-style:none;padding:0;margin:8px 0 0}.demo li{border-top:1px solid #eee2b0;padding:8px 0}
.demo button{font-size:15px}.demo details{border-top:1px solid #eee2b0;padding:8px 0}.demo summary{cursor:pointer;font-weight:500}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:400px){.card{padding:24px 16px}.actions{grid-template-columns:1fr}.wrap{margin:16px auto}}
`;

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="ru">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Госуслуги (эмулятор ЕСИА)`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <div className="emu-bar" role="note">Эмулятор ЕСИА для демонстрации и тестов. Это не настоящие Госуслуги.</div>
        <main className="wrap">
          <div className="card">
            <p className="logo">
              <span className="g" aria-hidden="true">ГОС</span>
              <span className="u" aria-hidden="true">УСЛУГИ</span>
              <span className="sr-only">Госуслуги</span>
            </p>
            {children}
          </div>
        </main>
      </body>
    </html>
  );
}

export interface DemoEntry {
  label: string;
  name: string;
  login: string;
  password: string;
}

/**
 * The sign-in form: inside an authorization (`tx`), or on its own for Госуслуги' settings
 * (`action`), where it leads back to «Выданные разрешения».
 */
export function LoginScreen(props: { tx?: string; action?: string; error?: string; login?: string; demo: DemoEntry[] }) {
  const action = props.action ?? "/aas/oauth2/login";
  const tx = props.tx ? <input type="hidden" name="tx" value={props.tx} /> : null;
  return (
    <Page title="Вход">
      <h1>Вход</h1>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <form method="post" action={action}>
        {tx}
        <label htmlFor="login">Телефон / Email / СНИЛС</label>
        <input id="login" name="login" type="text" autoComplete="username" required defaultValue={props.login} />
        <label htmlFor="password">Пароль</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <div className="row">
          <a href="/info/recovery">Восстановить</a>
        </div>
        <button className="btn btn-primary" type="submit">
          Войти
        </button>
      </form>
      <p className="sep">Войти другим способом</p>
      <a className="btn btn-secondary" href="/info/signature">
        Эл. подпись
      </a>
      <p className="center">
        <a href="/info/help">Не удаётся войти?</a>
      </p>
      <p className="center">
        <a href="/info/register">Зарегистрироваться</a>
      </p>
      {props.demo.length > 0 && (
        <section className="demo" aria-labelledby="demo-title">
          <h2 id="demo-title">Демо-пользователи эмулятора</h2>
          <p className="muted">Вымышленные люди. Пароль у всех одинаковый; нажмите на имя, чтобы войти.</p>
          <DemoList tx={props.tx} action={action} people={props.demo} />
          {props.tx && (
            <p>
              <a href={`/demo/people?tx=${encodeURIComponent(props.tx)}`}>Все сотрудники демо-организаций — по организациям</a>
            </p>
          )}
        </section>
      )}
    </Page>
  );
}

/** The demo people; each signs in with one press where a form can take them (`action`). */
function DemoList({ tx, action, people }: { tx?: string; action?: string; people: DemoEntry[] }) {
  return (
    <ul>
      {people.map((d) => (
        <li key={d.login}>
          {action ? (
            <form method="post" action={action}>
              {tx && <input type="hidden" name="tx" value={tx} />}
              <input type="hidden" name="login" value={d.login} />
              <input type="hidden" name="password" value={d.password} />
              <button type="submit" className="link-button">{d.name}</button>
            </form>
          ) : (
            <strong>{d.name}</strong>
          )}
          <div className="muted">
            {d.label} · {d.login}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Every person of the emulator's world, grouped by organization: the demo panel's full list. */
export function DemoDirectoryScreen(props: { tx?: string; groups: { organization: string; people: DemoEntry[] }[] }) {
  return (
    <Page title="Все демо-пользователи">
      <h1>Все демо-пользователи</h1>
      <section className="demo" aria-labelledby="directory-title">
        <h2 id="directory-title">Сотрудники демо-организаций эмулятора</h2>
        <p className="muted">
          Вымышленные люди, пароль у всех одинаковый. {props.tx ? "Нажмите на имя, чтобы войти." : "Чтобы войти одним нажатием, начните вход с портала."}
        </p>
        {props.groups.map((g) => (
          <details key={g.organization}>
            <summary>
              {g.organization} ({g.people.length})
            </summary>
            <DemoList tx={props.tx} action={props.tx ? "/aas/oauth2/login" : undefined} people={g.people} />
          </details>
        ))}
      </section>
      {props.tx && (
        <a className="btn btn-secondary" href={`/aas/oauth2/consent?tx=${encodeURIComponent(props.tx)}`}>
          Назад ко входу
        </a>
      )}
    </Page>
  );
}

export function ConsentScreen(props: {
  tx: string;
  systemName: string;
  systemId: string;
  rights: string[];
  personName: string;
  /** For a request with scope_org: the organization whose rights are asked for. */
  organization?: { name: string; ogrn: string };
}) {
  return (
    <Page title="Предоставление прав доступа">
      <h1>Предоставление прав доступа</h1>
      <p className="system">{props.systemName}</p>
      <p className="center muted" translate="no">
        {props.systemId}
      </p>
      {props.organization ? (
        <p>
          запрашивает следующие права в организации <strong>{props.organization.name}</strong> (ОГРН {props.organization.ogrn}):
        </p>
      ) : (
        <p>запрашивает следующие права:</p>
      )}
      <ul className="rights">
        {props.rights.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <form method="post" action="/aas/oauth2/consent">
        <input type="hidden" name="tx" value={props.tx} />
        <div className="actions">
          <button className="btn btn-primary" type="submit" name="decision" value="grant">
            Предоставить
          </button>
          <button className="btn btn-secondary" type="submit" name="decision" value="deny">
            Отказать
          </button>
        </div>
      </form>
      <p className="muted">
        Нажимая кнопку «Предоставить», вы разрешаете этой организации использовать указанные данные согласно её правилам и
        условиям. Вы всегда можете отозвать это разрешение в настройках Госуслуг: <a href="/settings/agreements">Выданные разрешения</a>.
      </p>
      <form method="post" action="/aas/oauth2/switch-user">
        <input type="hidden" name="tx" value={props.tx} />
        <p className="muted center">
          Вы вошли как {props.personName}.{" "}
          <button type="submit" className="link-button">
            Войти под другой учётной записью
          </button>
        </p>
      </form>
    </Page>
  );
}

export interface GrantView {
  id: string;
  systemName: string;
  systemId: string;
  organization?: { name: string; ogrn: string };
  rights: string[];
  grantedAt: string;
}

/** «Выданные разрешения»: what the person allowed which system, with «Отозвать» for each. */
export function GrantsScreen(props: { personName: string; grants: GrantView[]; revoked: boolean }) {
  return (
    <Page title="Выданные разрешения">
      <h1>Выданные разрешения</h1>
      <p className="center muted">{props.personName}</p>
      {props.revoked && (
        <p className="notice" role="status">
          Разрешение отозвано. При следующем входе система снова запросит права.
        </p>
      )}
      {props.grants.length === 0 ? (
        <p>Вы не выдавали разрешений информационным системам.</p>
      ) : (
        props.grants.map((g) => (
          <section key={g.id} className="grant" aria-labelledby={`grant-${g.id}`}>
            <h2 id={`grant-${g.id}`}>{g.systemName}</h2>
            <p className="muted">
              <span translate="no">{g.systemId}</span>
              {g.organization ? ` · в организации ${g.organization.name} (ОГРН ${g.organization.ogrn})` : ""} · выдано {g.grantedAt}
            </p>
            <ul className="rights">
              {g.rights.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <form method="post" action="/settings/agreements/revoke">
              <input type="hidden" name="grant" value={g.id} />
              <button type="submit" className="btn btn-secondary">
                Отозвать
                <span className="sr-only"> разрешение для {g.systemName}{g.organization ? ` в организации ${g.organization.name}` : ""}</span>
              </button>
            </form>
          </section>
        ))
      )}
    </Page>
  );
}

export function ErrorScreen(props: { code: string; text: string }) {
  return (
    <Page title="Ошибка">
      <h1>Не удалось выполнить вход</h1>
      <p className="error" role="alert">
        {props.code}: {props.text}
      </p>
      <p className="muted">Вернитесь в систему, из которой вы пришли, и попробуйте снова.</p>
    </Page>
  );
}

export function InfoScreen(props: { title: string; text: string; back?: string }) {
  return (
    <Page title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.back ? (
        <a className="btn btn-secondary" href={props.back}>
          Назад
        </a>
      ) : (
        <p className="muted">Вернитесь назад в браузере, чтобы продолжить вход.</p>
      )}
    </Page>
  );
}

export function render(node: ReactNode): string {
  return "<!DOCTYPE html>" + renderToStaticMarkup(node);
}
