import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Вход не выполнен" };

const REASONS: Record<string, string> = {
  "forged-state": "Запрос на вход не прошёл проверку: ссылка устарела или была подменена. Начните вход заново с этой страницы.",
  expired: "Время на вход истекло или вход был начат в другом окне. Начните вход заново.",
  "missing-code": "Госуслуги не передали код входа. Начните вход заново.",
};

const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthSignin: "Не удалось начать вход через Госуслуги. Попробуйте ещё раз через несколько минут.",
  OAuthCallback: "Не удалось завершить вход через Госуслуги: ответ не прошёл проверку. Начните вход заново.",
  Callback: "Не удалось завершить вход через Госуслуги. Начните вход заново.",
  AccessDenied: "Доступ запрещён.",
  Configuration: "Вход временно недоступен: ошибка настройки портала. Сообщите администратору.",
};

function explain(params: Record<string, string | undefined>): { title: string; text: string } {
  if (params.error === "access_denied") {
    return {
      title: "Вы не предоставили доступ",
      text: "Вы нажали «Отказать» на Госуслугах. Без доступа к списку ваших организаций и ФИО войти в Платформу обратной связи нельзя. Если это было случайно, войдите снова и нажмите «Предоставить».",
    };
  }
  if (params.reason === "esia-error") {
    return { title: "Госуслуги вернули ошибку", text: params.description ?? "Госуслуги не смогли выполнить вход. Попробуйте ещё раз." };
  }
  if (params.reason === "throttled") {
    return {
      title: "Слишком много попыток входа",
      text:
        params.by === "address"
          ? `С сетевого адреса вашей организации было слишком много попыток входа. Повторите через ${params.minutes ?? "несколько"} мин. Если это повторяется, сообщите администратору: возможно, кто-то подбирает вход.`
          : `Из этого браузера было слишком много попыток входа. Повторите через ${params.minutes ?? "несколько"} мин. Если вы не пытались войти столько раз, сообщите администратору.`,
    };
  }
  if (params.reason && REASONS[params.reason]) return { title: "Вход не выполнен", text: REASONS[params.reason] };
  return { title: "Вход не выполнен", text: NEXT_AUTH_ERRORS[params.error ?? ""] ?? "Не удалось войти через Госуслуги. Попробуйте ещё раз." };
}

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { title, text } = explain(params);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1>{title}</h1>
      <div className="card space-y-4">
        <p role="alert">{text}</p>
        {(params.description || params.error) && (
          <p className="text-sm text-muted">Код для службы поддержки: <code>{params.description ?? params.error}</code></p>
        )}
        <div className="flex flex-wrap gap-3">
          <Link href="/signin" className="btn-primary">Попробовать снова</Link>
          <Link href="/" className="btn-secondary">На главную</Link>
        </div>
      </div>
    </div>
  );
}
