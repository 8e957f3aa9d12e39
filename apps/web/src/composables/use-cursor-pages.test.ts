import { describe, expect, it } from 'vitest';
import { useCursorPages } from './use-cursor-pages';

describe('useCursorPages', () => {
  it('goes forward by end cursors and back to where each page started', () => {
    const pages = useCursorPages();
    expect([pages.page.value, pages.after.value, pages.hasPrevious.value]).toEqual([1, null, false]);
    pages.next('c1');
    pages.next('c2');
    expect([pages.page.value, pages.after.value, pages.hasPrevious.value]).toEqual([3, 'c2', true]);
    pages.previous();
    expect([pages.page.value, pages.after.value]).toEqual([2, 'c1']);
    pages.previous();
    expect([pages.page.value, pages.after.value, pages.hasPrevious.value]).toEqual([1, null, false]);
    pages.previous();
    expect(pages.page.value).toBe(1);
  });

  it('ignores a missing end cursor and resets to the first page', () => {
    const pages = useCursorPages();
    pages.next(null);
    pages.next(undefined);
    expect(pages.page.value).toBe(1);
    pages.next('c1');
    pages.reset();
    expect([pages.page.value, pages.after.value]).toEqual([1, null]);
  });
});
