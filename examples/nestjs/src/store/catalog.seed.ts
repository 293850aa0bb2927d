import type { Product } from './shop.repository';

/**
 * The demo shop's catalogue. Prices are paise (INR minor units): 49900 is ₹499.00.
 * Returned fresh on every call so that each app instance (and each test) starts from the same
 * shelf.
 */
export function seedCatalog(): Product[] {
  return [
    { id: 'tee-classic', name: 'Classic cotton tee', unitPrice: 49900, currency: 'INR', stock: 100, active: true, maxPerOrder: 10 },
    { id: 'mug-steel', name: 'Steel travel mug', unitPrice: 89900, currency: 'INR', stock: 25, active: true },
    { id: 'notebook-a5', name: 'A5 dotted notebook', unitPrice: 24950, currency: 'INR', stock: 3, active: true },
    { id: 'poster-old', name: 'Launch poster (withdrawn)', unitPrice: 19900, currency: 'INR', stock: 10, active: false },
  ];
}
