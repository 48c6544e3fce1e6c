// How form values arrive, read one way by every schema and every form: a plain post (FormData,
// also without JavaScript) sends a ticked checkbox as "on" and an unticked one not at all, and a
// checkbox group as nothing, one string or several; react-hook-form and direct calls send booleans
// and arrays. Pure module: the browser loads it too.
import { z } from "zod";

/** A ticked checkbox, whichever way it came; anything else is unticked. */
export const isChecked = (value: unknown): boolean => value === true || value === "on" || value === "true";

/** A checkbox group or a multi-select: always a list. */
export const asList = (value: unknown): unknown[] =>
  value === undefined || value === null || value === false || value === "" ? [] : Array.isArray(value) ? value : [value];

/** A checkbox: true or false. */
export const zCheckbox = () => z.preprocess(isChecked, z.boolean());

/** A checkbox that must be ticked («Данные актуальны», «Мною пройдено обучение»). */
export const zTicked = (message: string) => z.preprocess(isChecked, z.literal(true, { error: message }));

/** A checkbox group, checked by the list's own schema (its items, how many). */
export const zList = <S extends z.ZodType>(list: S) => z.preprocess(asList, list);
