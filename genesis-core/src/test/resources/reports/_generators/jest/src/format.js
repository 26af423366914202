'use strict';

function formatCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function slug(text) {
  if (text == null) return '';
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
}

// Deliberately never called: stays uncovered.
function currencySymbol(code) {
  if (code === 'EUR') return '€';
  if (code === 'USD') return '$';
  return code;
}

module.exports = { formatCents, slug, currencySymbol };
