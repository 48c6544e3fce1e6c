import { describe, expect, it } from "vitest";
import {
  formatSnils, isValidInn, isValidKpp, isValidOgrn, isValidSnils, makeInn, makeOgrn, makeSnils,
} from "@/lib/requisites";

describe("реквизиты", () => {
  it("принимает настоящие контрольные числа и отвергает изменённые", () => {
    expect(isValidOgrn("1027700132195")).toBe(true);
    expect(isValidOgrn("1027700132194")).toBe(false);
    expect(isValidOgrn("102770013219")).toBe(false);
    expect(isValidInn("7707083893")).toBe(true);
    expect(isValidInn("7707083894")).toBe(false);
    expect(isValidSnils("112-233-445 95")).toBe(true);
    expect(isValidSnils("11223344596")).toBe(false);
    expect(isValidKpp("745101001")).toBe(true);
    expect(isValidKpp("74510100")).toBe(false);
  });

  it("строит только правильные номера", () => {
    for (let serial = 0; serial < 500; serial++) {
      expect(isValidOgrn(makeOgrn(2 + (serial % 20), 74, serial * 37))).toBe(true);
      expect(isValidInn(makeInn(7414, serial * 13))).toBe(true);
      expect(isValidSnils(makeSnils(100_000_000 + serial * 7919))).toBe(true);
    }
  });

  it("пишет СНИЛС так, как его пишут люди", () => {
    expect(formatSnils("11223344595")).toBe("112-233-445 95");
  });
});
