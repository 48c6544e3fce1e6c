// Expected failures of an action: their message is shown to the person as it is (in Russian).
export class ActionError extends Error {
  constructor(message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "ActionError";
  }
}

/** Not signed in, or the signed-in person may not do this. */
export class ForbiddenError extends ActionError {
  constructor(message = "Недостаточно прав для этого действия.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends ActionError {
  constructor() {
    super("Сеанс завершён. Войдите снова через Госуслуги.");
    this.name = "UnauthenticatedError";
  }
}

/** Someone else changed the same thing first. */
export class ConflictError extends ActionError {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
