'use strict';

class Cart {
  constructor() {
    this.lines = [];
  }

  add(sku, qty, priceCents) {
    if (!sku) {
      throw new Error('sku required');
    }
    if (qty <= 0) {
      throw new Error('qty must be positive');
    }
    this.lines.push({ sku, qty, priceCents });
  }

  subtotal() {
    return this.lines.reduce((sum, l) => sum + l.qty * l.priceCents, 0);
  }

  isEmpty() {
    return this.lines.length === 0;
  }
}

function discount(totalCents, code) {
  switch (code) {
    case undefined:
    case null:
      return 0;
    case 'TENOFF':
      return Math.min(1000, totalCents);
    case 'HALF':
      return Math.floor(totalCents / 2);
    default:
      throw new Error(`unknown coupon ${code}`);
  }
}

function shipping(totalCents) {
  if (totalCents === 0) return 0;
  return totalCents >= 5000 ? 0 : 499;
}

module.exports = { Cart, discount, shipping };
