'use strict';

const { formatCents, slug } = require('../src/format');

describe('formatCents', () => {
  test('formats positive amounts', () => {
    expect(formatCents(1999)).toBe('19.99');
  });

  test('formats negative amounts', () => {
    expect(formatCents(-250)).toBe('-2.50');
  });
});

describe('slug', () => {
  test('lowercases and dashes', () => {
    expect(slug('  Hello, World! ')).toBe('hello-world');
  });

  test('null gives empty string', () => {
    expect(slug(null)).toBe('');
  });

  test.todo('transliterates accents');
});
