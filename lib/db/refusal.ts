/**
 * A refusal the operator must act on (the folder is someone else's, production needs PostgreSQL, a
 * migration failed, a backup cannot be made): its Russian message says what happened and what to
 * do, so a command-line task prints it alone, without a stack trace.
 */
export class OperatorRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
