/** A count as Turkish writes it: 10.000, not 10000 or 10,000. */
const formatCount = (count: number) => count.toLocaleString('tr-TR');

/**
 * Every string the interface shows, in one place. One name for each thing: "haber" is an
 * article, "yayın kuruluşu" the publisher that printed it, "kaynak bilgisi" where the copy comes
 * from, "alıntıla" how to cite it, "süzgeç" a filter of the search.
 */
export const ui = {
  /** A count as Turkish writes it. */
  number: formatCount,
  siteName: 'Haber Arşivi',
  siteDescription: 'Haberlerin aslına sadık, aranabilir ve kalıcı bağlantılı arşivi.',
  skipToContent: 'İçeriğe geç',
  mainNavigation: 'Ana gezinme',
  search: 'Ara',
  searchLabel: 'Arşivde ara',
  searchPlaceholder: 'Arşivde ara…',
  searchTitle: 'Arama',
  searchNeedsJavaScript: 'Arama sonuçları için tarayıcınızda JavaScript açık olmalıdır.',
  searchLoading: 'Aranıyor…',
  searchNoResults: (query: string) => `“${query}” için sonuç bulunamadı.`,
  searchInstead: (word: string, instead: string, count: number) =>
    `“${word}” bulunamadı; bunun yerine “${instead}” için ${count} sonuç`,
  searchNoResultsHint: 'Yazımı denetleyin, daha kısa ya da başka bir sözcük deneyin.',
  /** The same, where the reader chose filters or a period. */
  searchNoResultsFilteredHint:
    'Yazımı denetleyin, daha kısa ya da başka bir sözcük deneyin veya süzgeçleri kaldırın.',
  /** After a query of several words, each in some article (else one is named as not found), none with them all. */
  searchNotTogether:
    'Bu sözcüklerin hepsi bir arada hiçbir haberde geçmiyor; daha az sözcükle arayın.',
  searchFilteredCount: (count: number) => `Seçilen süzgeçlere uyan ${formatCount(count)} haber`,
  searchResultCount: (count: number, query: string) =>
    `“${query}” için ${formatCount(count)} sonuç`,
  /** The years a search asked when it left older (or newer) ones for the step below. */
  searchYearsSearched: (first: string, last: string) =>
    first === last ? ` (${first} yılında)` : ` (${first}–${last} yıllarında)`,
  /**
   * The step that searches the years a common word's search left for later (search-plan.ts): older
   * ones, or in the oldest-first order newer ones. Its count is the directory's upper bound (a page
   * counted once for each form of the word it has), not an estimate: “en çok”, not “yaklaşık”.
   */
  searchOlderYears: (years: number, articles: number) =>
    `Daha eski yıllarda ara (${formatCount(years)} yıl, en çok ${formatCount(articles)} haber)`,
  searchNewerYears: (years: number, articles: number) =>
    `Daha yeni yıllarda ara (${formatCount(years)} yıl, en çok ${formatCount(articles)} haber)`,
  /** The same, where what was asked or left is part of a year (`span`: `Ekim–Aralık 2025`, `Ocak 2015 – Eylül 2025`). */
  searchPeriodSearched: (span: string) => ` (${span} döneminde)`,
  searchOlderPeriods: (span: string, articles: number) =>
    `Daha eski haberlerde ara (${span}, en çok ${formatCount(articles)} haber)`,
  searchNewerPeriods: (span: string, articles: number) =>
    `Daha yeni haberlerde ara (${span}, en çok ${formatCount(articles)} haber)`,
  searchUnavailable: 'Arama dizini yüklenemedi.',
  searchIndexMissingInDev:
    'Arama dizini henüz yok: geliştirme sunucusu son derlemenin dizinini kullanır. Önce “npm run build” çalıştırın.',
  searchLatestVersionsOnly:
    'Yayımlandıktan sonra değişen haberlerin yalnızca son sürümü aranır; önceki sürümler haberin sayfasından açılır.',
  searchOptions: 'Sıralama ve süzgeçler',
  searchFilters: 'Süzgeçler',
  searchSort: 'Sıralama',
  sortRelevance: 'En ilgili',
  sortNewest: 'En yeni',
  sortOldest: 'En eski',
  searchPeriod: 'Yayım tarihi',
  periodFrom: 'Başlangıç',
  periodTo: 'Bitiş',
  /** A search's period in its status line, its days already written out (`28 Ekim 2025`). */
  periodLabel: (from: string | undefined, to: string | undefined) =>
    from && to ? `${from} – ${to}` : from ? `${from} ve sonrası` : `${to} ve öncesi`,
  searchThisPeriod: 'Bu dönemin haberlerinde ara',
  filterNames: {
    source: 'Yayın kuruluşu',
    year: 'Yıl',
    tag: 'Etiket',
    author: 'Yazar',
    language: 'Dil',
  },
  showMoreResults: 'Daha fazla sonuç göster',
  searchHelpTitle: 'Nasıl aranır?',
  /** The search page's help, shown until there is a search; `{ example }` parts become example searches. */
  searchHelp: [
    ['Her haberin başlığı, özeti ve bütün metni aranır.'],
    [
      'Türkçe harfleri düz yazabilirsiniz: ',
      { example: 'disisleri' },
      ' “Dışişleri”ni de bulur. Büyük ve küçük harf fark etmez.',
    ],
    [
      'Kesme işaretli sözcükler her yazımla bulunur: ',
      { example: "Lavrov'un" },
      ', ',
      { example: 'Lavrov’un' },
      ' ya da ',
      { example: 'lavrovun' },
      '.',
    ],
    [
      'Birkaç sözcük yazınca hepsini içeren haberler gelir; sözcükleri bu sırayla aramak için tırnak içine alın: ',
      { example: '"sona erme"' },
      '.',
    ],
    [
      'Sonuçları yayın kuruluşuna, yıla, etikete ve yazara göre süzebilir, yayım tarihiyle daraltabilir, tarihe göre sıralayabilirsiniz.',
    ],
    ['Herhangi bir sayfada ', { key: '/' }, ' tuşu arama kutusuna götürür.'],
  ] as const satisfies readonly (readonly (string | { example: string } | { key: string })[])[],
  articleList: 'Arşivdeki haberler',
  overviewTitle: 'Arşiv bir bakışta',
  figureArticles: 'Haber',
  figureSources: 'Yayın kuruluşu',
  figureTags: 'Etiket',
  figureAuthors: 'Yazar',
  figureYears: 'Yıllar',
  yearSpan: (first: string, last: string) => (first === last ? first : `${first}–${last}`),
  monthChartTitle: 'Aylara göre haber sayısı',
  monthChartSummary: (months: number, busiest: string, count: number) =>
    `Haberler ${formatCount(months)} aya dağılıyor; en yoğun ay ${busiest} (${formatCount(count)} haber). Bir ayı ya da yılı seçince o dönemin haberleri açılır.`,
  monthLabel: (month: string, count: number) => `${month}: ${formatCount(count)} haber`,
  allSources: (count: number) => `Bütün yayın kuruluşları (${formatCount(count)})`,
  tagsTitle: 'Etiketler',
  tagsDescription: 'Arşivdeki bütün etiketler ve her birindeki haber sayısı.',
  sourcesTitle: 'Yayın kuruluşları',
  sourcesDescription: 'Arşivdeki haberleri yayımlayan kuruluşlar ve her birinden haber sayısı.',
  authorsTitle: 'Yazarlar',
  authorsDescription: 'Arşivdeki haberlerin yazarları ve her birinin haber sayısı.',
  tagTitle: (name: string) => `Etiket: ${name}`,
  sourceTitle: (name: string) => `Yayın kuruluşu: ${name}`,
  authorTitle: (name: string) => `Yazar: ${name}`,
  listFeedDescription: (title: string) =>
    `${title}. Arşive eklenen haberler ve bu haberlerin yeni sürümleri.`,
  noTags: 'Arşivde henüz etiketli haber yok.',
  noSources: 'Arşivde henüz haber yok.',
  noAuthors: 'Arşivdeki haberlerin hiçbiri yazarının adını vermiyor.',
  openSearchDescription: 'Haber Arşivi’ndeki haberlerde arayın.',
  dateTitle: (name: string) => `${name} tarihli haberler`,
  listDescription: (title: string, count: number) =>
    `${title}: ${formatCount(count)} haber, en yenisi önce.`,
  months: 'Aylar',
  pagination: 'Sayfalar',
  previousPage: 'Önceki sayfa',
  nextPage: 'Sonraki sayfa',
  pageOf: (number: number, count: number) => `Sayfa ${number} / ${count}`,
  olderArticle: 'Önceki haber',
  newerArticle: 'Sonraki haber',
  relatedArticles: 'İlgili haberler',
  lookupTitle: 'Özgün adresle bul',
  lookupDescription: 'Bir haberin özgün adresini yapıştırın; arşivdeki kopyasına gidin.',
  lookupLabel: 'Özgün haberin adresi',
  lookupSubmit: 'Bul',
  lookupNotFound: 'Bu adresteki haber arşivde yok.',
  lookupInvalid: 'Bu bir web adresi değil.',
  lookupNeedsJavaScript: 'Adresle bulmak için tarayıcınızda JavaScript açık olmalıdır.',
  articleCount: (count: number) => `${formatCount(count)} haber`,
  emptyArchive: 'Arşivde henüz haber yok.',
  publishedOn: 'Yayın tarihi',
  tags: 'Etiketler',
  linkToParagraph: 'Bu bölümün bağlantısı',
  copied: 'Kopyalandı',
  copyLink: 'Bağlantıyı kopyala',
  copyCitation: 'Kopyala',
  provenance: 'Kaynak bilgisi',
  publisher: 'Yayın kuruluşu',
  byline: 'Yazan:',
  /** Written into an article's Markdown by the import where an image of the original could not be kept. */
  imageNotArchived: 'Görsel arşivlenmedi',
  originalUrl: 'Özgün adres',
  archivedOn: 'Arşive eklendiği tarih',
  language: 'Dil',
  length: 'Uzunluk',
  wordsAndReadingTime: (words: number, minutes: number) =>
    `${words} sözcük, yaklaşık ${minutes} dakikalık okuma`,
  checksum: 'SHA-256 (Markdown metni)',
  markdownSource: 'Markdown metni',
  waybackCaptures: 'Özgün adresin Wayback Machine kayıtları',
  cite: 'Alıntıla',
  citeApa: 'APA',
  citeMla: 'MLA',
  citeBibtex: 'BibTeX',
  archiveCopy: 'Arşiv kopyası',
  versionsTitle: 'Sürümler',
  changedSincePublication: (changes: number) =>
    `Bu haber yayımlandıktan sonra ${changes} kez değişti`,
  showingLatest:
    'Bu sayfa haberin son sürümünü gösteriyor; arama da yalnızca son sürümü tarar. Her sürüm kendi adresinde okunabilir ve alıntılanabilir.',
  showingVersion: (number: number, count: number) =>
    `Bu sayfa haberin ${count} sürümünden ${number}. sürümünü gösteriyor; aramada haberin yalnızca son sürümü yer alır.`,
  latestVersion: 'Haberin son sürümü',
  versionName: (number: number) => `${number}. sürüm`,
  currentVersion: '(bu sayfa)',
  capturedOn: 'arşivlendi',
  compareWithPrevious: 'öncekiyle farkları',
  compareFirstWithLatest: 'İlk ve son sürüm arasındaki farklar',
  articleParts: { title: 'başlık', description: 'özet', body: 'metin' },
  partTitles: { title: 'Başlık', description: 'Özet', body: 'Metin' },
  /** `başlık`, `başlık ve metin`, `başlık, özet ve metin`. */
  changedParts: (parts: readonly string[]) =>
    `Değişen: ${new Intl.ListFormat('tr', { type: 'conjunction' }).format(parts)}`,
  wordsAddedRemoved: (added: number, removed: number) =>
    `${added} sözcük eklendi, ${removed} sözcük çıkarıldı`,
  typoFix: 'yazım düzeltmesi',
  formattingOnly: 'Yalnızca biçim değişti; sözcükler aynı',
  updatedTitle: (title: string) => `Güncellendi: ${title}`,
  versionChanged: (number: number, summary: string) => `${number}. sürüm: ${summary}`,
  diffTitle: (from: number, to: number) => `${from}. ve ${to}. sürüm arasındaki farklar`,
  diffDescription: (title: string, from: number, to: number) =>
    `“${title}” haberinin ${from}. ve ${to}. sürümü arasında değişen sözcükler.`,
  diffLegend: 'Çıkarılan sözcükler üstü çizili, eklenenler altı çizili gösterilir.',
  diffRemoved: 'çıkarılan:',
  diffAdded: 'eklenen:',
  unchanged: 'Değişmedi.',
  versionChecksums: 'Sürümler (SHA-256)',
  ledger: 'Kayıt defteri',
  ledgerEntry: (seq: number) => `Bu sürüm defterin ${seq}. kaydı; kaydın özeti`,
  ledgerFile: 'Defter (JSON Lines)',
  /** The HTTP exchanges a capture from the web was made from, as a WARC file (ISO 28500). */
  warc: 'Web arşivi kaydı (WARC)',
  warcFile: 'WARC dosyası',
  howToCheck:
    'Alıntıyı doğrulamak için: Markdown metnini indirip SHA-256 özetini alın (sha256sum); aynı özet defterde bu sürümün kaydında yazılıdır. Her kayıt bir öncekinin özetini taşır: defter yalnızca uzar, bu kaydın özeti ileride de içinde olmalıdır. Arşivin tamamını “npm run verify -- ADRES” denetler.',
  notFoundTitle: 'Sayfa bulunamadı',
  notFoundText: 'Aradığınız sayfa bu adreste yok. Arşivde aramayı deneyin:',
  backToArchive: 'Arşive dön',
} as const;
