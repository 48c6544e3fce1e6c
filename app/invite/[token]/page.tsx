import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignInButton } from "@/components/auth/SignInButton";
import { FlashMessage } from "@/components/ui/FlashMessage";
import { flashForPage } from "@/lib/ui/flash-server";
import { ROLE_LABELS } from "@/lib/access/roles";
import { getPortalSession } from "@/lib/auth/session";
import { formatDateTime, fullName, lastAndFirstName, sentence } from "@/lib/ui/format";
import { findInvitationByToken, matchInvitedPerson } from "@/lib/invitations/service";
import { INVITATION_STATE_TEXT, USED_AWAITING_APPROVAL_TEXT, WRONG_PERSON_TEXT } from "@/lib/invitations/texts";
import { AcceptForm } from "./AcceptForm";

// The link's token must not leak to other sites through the Referer header.
export const metadata: Metadata = { title: "Приглашение в ПОС", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

function RequestNew({ token }: { token: string }) {
  return (
    <form method="post" action={`/invite/${encodeURIComponent(token)}/request`}>
      <button type="submit" className="btn-secondary">Запросить новое приглашение</button>
    </form>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const token = decodeURIComponent(raw);
  const found = token.length <= 200 ? await findInvitationByToken(token) : null;
  const session = await getPortalSession();
  // What «Запросить новое приглашение» did (its route leaves a one-shot message).
  const flash = await flashForPage();
  const notice = <FlashMessage key={flash.key} flash={flash.flash} />;

  if (!found) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1>Ссылка недействительна</h1>
        {notice}
        <p className="card">{INVITATION_STATE_TEXT.unknown} Если письма нет, попросите администратора ЛКО вашей организации отправить приглашение повторно.</p>
      </div>
    );
  }

  const { account, cabinet, invitation, state } = found;
  const invitedName = fullName(account);
  if (state !== "live") return <InvitationClosed found={found} token={token} notice={notice} />;

  const match = session ? await matchInvitedPerson(session.person.id, found) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1>Приглашение в Платформу обратной связи</h1>
      {notice}
      <div className="card space-y-4">
        <p>
          {invitedName}, для вас создана учётная запись в личном кабинете организации <strong>«{cabinet.name}»</strong> (ЛКО № {cabinet.lkoId}).
        </p>
        <p>Роли: {account.roles.map((r) => ROLE_LABELS[r]).join(", ")}. {sentence(`Должность: ${account.position}`)}</p>
        <p className="text-sm text-muted">Ссылка действует до {formatDateTime(invitation.expiresAt)} и только один раз.</p>
      </div>
      {!session ? (
        <div className="card space-y-4">
          <h2 className="text-xl">Войдите через Госуслуги</h2>
          <p>Введите логин и пароль от портала Госуслуг и разрешите доступ к данным — вы вернётесь на эту страницу и подтвердите учётную запись.</p>
          <SignInButton callbackUrl={`/invite/${encodeURIComponent(token)}`} />
        </div>
      ) : match?.ok ? (
        <div className="card space-y-4">
          <h2 className="text-xl">Подтвердите учётную запись</h2>
          <p>
            Вы вошли как <strong>{fullName(session.person)}</strong>. Учётная запись кабинета будет
            связана с вашей учётной записью Госуслуг и получит статус «Подтвержден». Затем отметьте «Мною пройдено обучение».
          </p>
          <AcceptForm token={token} />
        </div>
      ) : (
        <div className="card space-y-4">
          <h2 className="text-xl">Приглашение адресовано не вам</h2>
          <p role="alert">
            Вы вошли как {lastAndFirstName(session.person)}. {WRONG_PERSON_TEXT(cabinet.organizationName)}
          </p>
          <form method="post" action="/api/esia/logout">
            <button type="submit" className="btn-secondary">Выйти и войти другим пользователем</button>
          </form>
        </div>
      )}
    </div>
  );
}

/** A link that no longer works: why, and what the person can do now. */
function InvitationClosed({ found, token, notice }: { found: NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>; token: string; notice: ReactNode }) {
  const { account, cabinet, invitation } = found;
  const state = found.state as Exclude<typeof found.state, "live">;
  const invitedName = fullName(account);
  const title = { expired: "Срок действия приглашения истёк", revoked: "Ссылка больше не действует", used: "Приглашение уже использовано", archived: "Приглашение отменено" }[state];
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1>{title}</h1>
      {notice}
      <div className="card space-y-4">
        <p role="alert">
          {state === "used" && account.status === "AWAITING_APPROVAL" ? USED_AWAITING_APPROVAL_TEXT : INVITATION_STATE_TEXT[state]}
          {state === "expired" ? ` Ссылка действовала до ${formatDateTime(invitation.expiresAt)}.` : ""}
        </p>
        <p className="text-sm text-muted">Кабинет: «{cabinet.name}» (ЛКО № {cabinet.lkoId}). {sentence(`Приглашение на имя: ${invitedName}`)}</p>
        {state === "used" ? (
          // The account is confirmed already: the holder of this link gets no new link, the administrators get a request to check (decision 007).
          <>
            <Link href="/signin" className="btn-primary">Войти</Link>
            <p>Если вы не подтверждали приглашение, запросите новое у администратора: администраторы кабинета получат письмо и проверят, кто подтвердил учётную запись.</p>
            <RequestNew token={token} />
          </>
        ) : state === "archived" ? (
          <p>Если доступ нужен, обратитесь к администратору ЛКО вашей организации.</p>
        ) : (
          <>
            <p>Попросите новое приглашение: администраторы кабинета получат письмо и отправят вам новую ссылку.</p>
            <RequestNew token={token} />
          </>
        )}
      </div>
    </div>
  );
}
