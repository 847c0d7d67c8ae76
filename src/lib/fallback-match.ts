import { exactKey } from './exact-forms.ts';
import { INTERFACE_LANGUAGE } from './search-bundles.ts';
import { turkishLowerCase } from './turkish.ts';

/**
 * What to make of a query word that no article has as typed, when Pagefind still returns matches
 * for it.
 *
 * Pagefind matches a word through its stem; when no indexed stem starts with the query's, it falls
 * back to the longest indexed word that is a prefix of it, however short (`find_word_extensions`
 * in pagefind_web/src/search.rs): `summit` then matches `şu`, `verification` `verdi`. The page
 * cannot see which of the two happened, only the words of the article that matched. So it
 * compares them with the query word, both folded (exact-forms.ts), and keeps the match only when
 * the part they share is a stem and the rest of the query word is what a stem can carry:
 *
 * - Turkish: the shared part has at least 3 letters (a final consonant softened before a vowel,
 *   `kitap` → `kitab…`, counts as shared), and the rest of the query word is a sequence of Turkish
 *   noun suffixes in their order (derivation, plural, possessive, case, `-ki` and again, copula)
 *   or of verb endings. `zirvelerimizdekiler` → `zirve` + ler·imiz·de·ki·ler: kept;
 *   `yaralılarımızın` → `yaralılar` + ımız·ın: kept; `summit` → `şu`: 2 letters, dropped;
 *   `verification` → `verdi`: `ver` + `ification`, not suffixes, dropped; a made-up
 *   `uzunxqwerty` → `uzun` + `xqwerty`: dropped; `senate` → `sen` + `a·te`: a case cannot follow
 *   a case, dropped.
 * - Other languages, whose stemmers this page cannot second-guess: the shared part has at least
 *   3 letters and either at most 4 letters of the query word are left (`running` → `runs`,
 *   `summits` → `summit`) or the shared part has at least 5 (`verification` → `verify`).
 *
 * A kept match is shown under a label that names the word itself as not found and the shared
 * part as what was searched instead; a dropped one is no match at all.
 */

/** `prefix`: the query is the start of an article's word (Pagefind's prefix matching), shown as found; `instead`: a kept fallback; `unrelated`: no match. */
export type FallbackJudgement =
  { kind: 'prefix' } | { kind: 'instead'; word: string } | { kind: 'unrelated' };

const SHORTEST_STEM = 3;
const LONGEST_FOREIGN_REST = 4;
const LONG_FOREIGN_STEM = 5;

/** A stem's final p ç t k before a vowel suffix becomes b c d g/ğ; folded, ç and c are one letter already. */
const SOFTENED: Record<string, string> = { p: 'b', t: 'd', k: 'g' };

const alternatives = (forms: string) => `(?:${forms.split(' ').join('|')})`;
/** Turkish suffixes, folded (ı → i, ü → u, ö → o, ş → s, ç → c, ğ → g), each in its vowel-harmony and buffer-letter forms. */
const DERIVATION = alternatives('lik luk li lu siz suz ci cu ca ce sal sel');
const PLURAL = alternatives('lar ler');
const POSSESSIVE = alternatives(
  'imiz umuz miz muz iniz unuz niz nuz lari leri im um in un si su m n i u',
);
const CASE = alternatives(
  'ndan nden dan den tan ten nda nde da de ta te nin nun in un yla yle la le ya ye na ne a e yi yu ni nu i u ca ce',
);
const COPULA = alternatives(
  'dir dur tir tur ydi ydu di du ymis ymus mis mus yse ysa se sa dik duk tik tuk siniz sunuz sin sun yim yum im um iz uz',
);
const VERB = alternatives(
  'iyor uyor yor acak ecek yacak yecek acag eceg mis mus di du ti tu ir ur ar er mak mek ma me dik duk tik tuk ince unca arak erek ip up yip yup abil ebil yabil yebil',
);
const TURKISH_REST = new RegExp(
  `^(?:${DERIVATION}*${PLURAL}?${POSSESSIVE}?${CASE}?(?:ki${PLURAL}?${POSSESSIVE}?${CASE}?)*${COPULA}?${PLURAL}?|${VERB}+${PLURAL}?${COPULA}?${PLURAL}?)$`,
);

/** How many letters two folded words share from the start, a softened final consonant included. */
function sharedLength(query: string, word: string): number {
  let length = 0;
  while (length < query.length && length < word.length && query[length] === word[length]) length++;
  const next = word[length];
  if (next !== undefined && length === word.length - 1 && SOFTENED[next] === query[length])
    length++;
  return length;
}

function keeps(rest: string, shared: number, language: string): boolean {
  if (shared < SHORTEST_STEM) return false;
  if (language === INTERFACE_LANGUAGE) return TURKISH_REST.test(rest);
  return rest.length <= LONGEST_FOREIGN_REST || shared >= LONG_FOREIGN_STEM;
}

/**
 * Judges the matches Pagefind returned, in an index of `language`, for `queryWord`, which no
 * article has as typed: `matched` are the words of a result's text that it marked.
 */
export function judgeFallback(
  queryWord: string,
  matched: readonly string[],
  language: string,
): FallbackJudgement {
  const query = exactKey(queryWord);
  let best: { shared: number; word: string } | undefined;
  for (const word of matched) {
    const folded = exactKey(word);
    // A longer word that starts with the query is Pagefind's prefix matching, not a fallback.
    if (folded.startsWith(query)) return { kind: 'prefix' };
    const shared = sharedLength(query, folded);
    if (keeps(query.slice(shared), shared, language) && shared > (best?.shared ?? 0))
      best = { shared, word };
  }
  if (!best) return { kind: 'unrelated' };
  const written = turkishLowerCase(best.word.replace(/[^\p{L}\p{N}]/gu, ''));
  return {
    kind: 'instead',
    word: best.shared >= written.length ? written : written.slice(0, best.shared),
  };
}
