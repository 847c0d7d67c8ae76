import { lookupHost, lookupKey, lookupMapUrl } from '../lib/lookup.ts';
import { PAGE_IDS } from '../lib/page-ids.ts';

/**
 * The lookup page (`/bul/`): its form submits to the page itself, and the address in `?adres=` is
 * looked up in its host's map (src/lib/lookup.ts); found, the reader is taken to the article's
 * permalink, else told why not in the page's own words (the status's `data-*`).
 */
export async function startLookupPage(): Promise<void> {
  const status = document.getElementById(PAGE_IDS.lookupStatus)!;
  const input = document.getElementById(PAGE_IDS.lookupAddress) as HTMLInputElement;
  document.getElementById(PAGE_IDS.lookupNeedsJavaScript)?.setAttribute('hidden', '');
  const address = new URLSearchParams(location.search).get('adres');
  if (!address) return;
  input.value = address;
  const key = lookupKey(address);
  if (!key) {
    status.textContent = status.dataset.invalid ?? '';
    return;
  }
  const response = await fetch(lookupMapUrl(lookupHost(new URL(address.trim()))));
  const map: Record<string, string> = response.ok ? await response.json() : {};
  const permalink = map[key];
  if (permalink) location.replace(permalink);
  else
    status.textContent =
      (response.ok || response.status === 404
        ? status.dataset.notFound
        : status.dataset.unavailable) ?? '';
}
