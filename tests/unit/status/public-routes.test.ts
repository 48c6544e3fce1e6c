// Which public status requests proxy.ts sends to a render kept in Next's cache (decision 079).
import { describe, expect, it } from "vitest";
import { cachedPublicPath, nextPublicGeneration, publicGeneration } from "@/lib/status/public-routes";

const at = (url: string, low = false, generation = 7) => {
  const { pathname, searchParams } = new URL(url, "http://portal.test");
  return cachedPublicPath(pathname, searchParams, low, generation);
};

describe("публичный статус из кэша Next", () => {
  it("страницы без поиска — по адресу для кэша: страница, версия, поколение", () => {
    expect(at("/status")).toBe("/status/cached/7/list/normal");
    expect(at("/status/", true)).toBe("/status/cached/7/list/low");
    expect(at("/status/75738000")).toBe("/status/cached/7/75738000/1/normal");
    expect(at("/status/75738000?page=3", true)).toBe("/status/cached/7/75738000/3/low");
    expect(at("/status/75738000?page=0&utm=x")).toBe("/status/cached/7/75738000/1/normal");
    expect(at("/status/75738000/embed?page=2", true)).toBe("/status/cached/7/75738000/2/embed");
    expect(at("/api/status")).toBe("/api/status/cached/7/all");
    expect(at("/api/status?oktmo=75738000&page=2")).toBe("/api/status/cached/7/75738000/2");
    expect(at("/status/75738000?q=%20")).toBe("/status/cached/7/75738000/1/normal");
  });

  it("поиск, чужие пути и недостижимые страницы — мимо кэша (свободный текст не растит кэш)", () => {
    expect(at("/status/75738000?q=СОШ")).toBeNull();
    expect(at("/status/75738000/embed?q=СОШ")).toBeNull();
    expect(at("/api/status?oktmo=75738000&q=СОШ")).toBeNull();
    expect(at("/api/status?oktmo=abc")).toBeNull();
    expect(at("/status/75738000?page=10001")).toBeNull();
    expect(at("/status/abc")).toBeNull();
    expect(at("/status/75738000/other")).toBeNull();
    expect(at("/monitoring")).toBeNull();
    expect(at("/status/cached/7/list/normal")).toBeNull();
  });

  it("новое поколение — новые адреса", () => {
    const before = publicGeneration();
    nextPublicGeneration();
    expect(publicGeneration()).toBe(before + 1);
    const { pathname, searchParams } = new URL("http://portal.test/status/75738000");
    expect(cachedPublicPath(pathname, searchParams, false)).toBe(`/status/cached/${before + 1}/75738000/1/normal`);
  });
});
