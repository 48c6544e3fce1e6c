// The id of the one form every row's «Напомнить» button submits (RemindForm.tsx draws the form,
// dashboard-rows.ts the buttons). A plain module: the rows are written on the server as text, and
// a value imported from a "use client" module is only a reference there.
export const ROW_REMIND_FORM = "remind-one";
