import { describe, expect, test } from 'vitest';
import { pageMetadata, textLanguage } from '../../scripts/import/metadata.ts';
import { dayFromToday } from '../support/dates.ts';

/** A page with these tags in its head and this body. */
const page = (head: string, body = '', lang = '') =>
  `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;

const jsonLd = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const read = (html: string, url = 'https://haber.example/a') => pageMetadata(html, url, undefined);

describe('JSON-LD', () => {
  test('an article in a @graph, with every author who is a person, and the date as written', () => {
    const found = read(
      page(
        jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Ege Postası' },
            {
              '@type': 'NewsArticle',
              headline: 'İzmir’de fuar açıldı',
              datePublished: '2025-09-01T00:30:00+03:00',
              author: [
                { '@type': 'Person', name: 'Ayşe Yılmaz' },
                { '@type': 'Person', name: 'İsmail Işık' },
                { '@type': 'Organization', name: 'Ege Postası' },
              ],
              inLanguage: 'tr-TR',
            },
          ],
        }),
      ),
    );
    expect(found).toMatchObject({
      title: 'İzmir’de fuar açıldı',
      publishedAt: '2025-09-01T00:30:00+03:00',
      authors: ['Ayşe Yılmaz', 'İsmail Işık'],
      lang: 'tr',
      publisher: 'Ege Postası',
    });
  });

  test('an array of blocks, one wrapped in CDATA, and one that is not JSON', () => {
    const found = read(
      page(
        '<script type="application/ld+json">{ not json</script>' +
          `<script type="application/ld+json">//<![CDATA[\n${JSON.stringify([
            { '@type': 'BreadcrumbList' },
            { '@type': ['Article'], headline: 'Başlık', author: 'Deniz Kaya' },
          ])}\n//]]></script>`,
      ),
    );
    expect(found).toMatchObject({ title: 'Başlık', authors: ['Deniz Kaya'] });
  });
});

describe('JSON-LD, as some sites write it', () => {
  test('a fact check’s ClaimReview is the article, and a person named in parts is named', () => {
    const found = read(
      page(
        jsonLd([
          { '@type': 'Claim', datePublished: '2026-01-01' },
          {
            '@type': 'ClaimReview',
            datePublished: '2026-01-05 15:44',
            author: { '@type': 'Person', givenName: 'Birgit', familyName: 'Baumann' },
          },
        ]),
      ),
    );
    expect(found).toMatchObject({ publishedAt: '2026-01-05', authors: ['Birgit Baumann'] });
  });
});

describe('<meta> vocabularies', () => {
  test.each([
    [
      'Open Graph and article:*',
      '<meta property="og:title" content="Başlık"><meta property="article:published_time" content="2024-03-05T22:10:00-0500"><meta property="og:locale" content="de_DE">',
      { title: 'Başlık', publishedAt: '2024-03-05T22:10:00-05:00', lang: 'de' },
    ],
    [
      'Highwire citation_*',
      '<meta name="citation_title" content="Başlık"><meta name="citation_author" content="Ali Veli"><meta name="citation_author" content="Ayşe Fatma"><meta name="citation_publication_date" content="2019/07/04">',
      { title: 'Başlık', authors: ['Ali Veli', 'Ayşe Fatma'], publishedAt: '2019-07-04' },
    ],
    [
      'Dublin Core',
      '<meta name="DC.title" content="Başlık"><meta name="DC.creator" content="Ali Veli"><meta name="DC.date.issued" content="2018-02-03"><meta name="DC.language" content="fr">',
      { title: 'Başlık', authors: ['Ali Veli'], publishedAt: '2018-02-03', lang: 'fr' },
    ],
    [
      'Parse.ly',
      '<meta name="parsely-title" content="Başlık"><meta name="parsely-author" content="Ali Veli"><meta name="parsely-pub-date" content="2017-01-02T08:00:00Z">',
      { title: 'Başlık', authors: ['Ali Veli'], publishedAt: '2017-01-02T08:00:00Z' },
    ],
    [
      'Sailthru',
      '<meta name="sailthru.title" content="Başlık"><meta name="sailthru.author" content="Ali Veli"><meta name="sailthru.date" content="Tue, 16 Apr 2015 14:03:00 +0200">',
      { title: 'Başlık', authors: ['Ali Veli'], publishedAt: '2015-04-16' },
    ],
    [
      'content-language, and a date-time without an offset kept as its day',
      '<meta http-equiv="content-language" content="pt-BR"><meta name="pubdate" content="2016-05-06 23:30:00"><title>Başlık</title>',
      { title: 'Başlık', publishedAt: '2016-05-06', lang: 'pt' },
    ],
  ])('%s', (_, head, expected) => {
    expect(read(page(head))).toMatchObject(expected);
  });
});

test('the vocabularies in their order of trust, not the page’s: Open Graph’s description and date before a generic one written earlier', () => {
  const found = read(
    page(
      '<meta name="description" content="Broken "quotes" cut"><meta name="date" content="2001-01-01">' +
        '<meta property="og:description" content="The whole lede."><meta property="article:published_time" content="2020-02-03T10:00:00+01:00">',
    ),
  );
  expect(found).toMatchObject({
    description: 'The whole lede.',
    publishedAt: '2020-02-03T10:00:00+01:00',
  });
});

describe('what the page shows', () => {
  test('a <time datetime>, rel=author links and the <h1> its title only adds to', () => {
    const found = read(
      page(
        '<title>Şırnak’ta yeni seferler | Doğu Haber</title><meta property="og:site_name" content="Doğu Haber">',
        '<article><h1>Şırnak’ta yeni seferler</h1><a rel="author" href="/y/1">Zeynep Şahin</a> ve <a rel="author" href="/y/2">Ömer Çelik</a><time datetime="2025-04-01T09:00:00+03:00">1 Nisan</time></article>',
      ),
    );
    expect(found).toMatchObject({
      title: 'Şırnak’ta yeni seferler',
      publishedAt: '2025-04-01T09:00:00+03:00',
      authors: ['Zeynep Şahin', 'Ömer Çelik'],
      publisher: 'Doğu Haber',
    });
  });

  test('microdata authors, and a byline class split into its people', () => {
    expect(
      read(
        page('', '<div itemprop="author" itemscope><span itemprop="name">Ayşe Yılmaz</span></div>'),
      ).authors,
    ).toEqual(['Ayşe Yılmaz']);
    expect(
      read(page('', '<p class="byline">By Stella Kim, Jennifer Jett, and Tom Watkins</p>')).authors,
    ).toEqual(['Stella Kim', 'Jennifer Jett', 'Tom Watkins']);
  });

  test('a byline that names a desk names no one, however many names the rest of the page shows', () => {
    expect(
      read(
        page(
          '<meta name="author" content="Our Foreign Staff">',
          '<aside><p class="byline">By Philip Johnston</p></aside>',
        ),
      ).authors,
    ).toEqual([]);
  });

  test('the initials a paper signs with are not part of the name', () => {
    expect(
      read(page('<meta name="author" content="Elena Oberholzer (obe), Oliver Maksan (oma)">'))
        .authors,
    ).toEqual(['Elena Oberholzer', 'Oliver Maksan']);
  });

  test('one name spelt twice is one author', () => {
    expect(
      read(
        page(
          '<meta name="author" content="Jeffrey Gettleman"><meta name="byl" content="By JEFFREY GETTLEMAN">',
        ),
      ).authors,
    ).toEqual(['Jeffrey Gettleman']);
  });
});

describe('the headline', () => {
  test('the one most sources give, where Open Graph alone rewrote it; twitter:title has no vote', () => {
    const found = read(
      page(
        '<title>İzmir’de fuar açıldı | Ege Postası</title><meta property="og:site_name" content="Ege Postası">' +
          '<meta property="og:title" content="Fuar açıldı: İzmir’de ilk gün"><meta name="twitter:title" content="Fuar açıldı: İzmir’de ilk gün">' +
          '<meta name="title" content="İzmir’de fuar açıldı">' +
          jsonLd({ '@type': 'NewsArticle', headline: 'İzmir’de fuar açıldı' }),
        '<h1>Canlı: fuarda ilk saatler</h1>',
      ),
    );
    expect(found.title).toBe('İzmir’de fuar açıldı');
  });

  test('Open Graph’s on a tie with the <h1>', () => {
    expect(
      read(
        page(
          '<meta property="og:title" content="Işıklar yandı">',
          '<h1>Kentte ışıklar yeniden yandı</h1>',
        ),
      ).title,
    ).toBe('Işıklar yandı');
  });

  test('the spelling most of its sources give, JSON-LD’s HTML escapes decoded', () => {
    expect(
      read(
        page(
          `<meta property="og:title" content="Vali: 'Yollar açık'">` +
            jsonLd({ '@type': 'NewsArticle', headline: 'Vali: &#8216;Yollar açık&#8217;' }),
          '<h1>Vali: ‘Yollar açık’</h1>',
        ),
      ).title,
    ).toBe('Vali: ‘Yollar açık’');
  });

  test('a <title> cut after the words of its <h1>, however the <h1> quotes or spaces them', () => {
    expect(
      read(
        page(
          '<title>Şehirde “sessiz gece” başladı - Akşam Bülteni</title>',
          '<h1>Şehirde sessiz gece başladı</h1>',
        ),
      ).title,
    ).toBe('Şehirde “sessiz gece” başladı');
    expect(
      read(
        page(
          '<title>黄河大桥今日正式通车运营--社会--人民网</title>',
          '<h1>黄河大桥今日正式通车运营</h1>',
        ),
      ).title,
    ).toBe('黄河大桥今日正式通车运营');
  });
});

describe('who is no author', () => {
  test('an organisation the page names, in whatever script', () => {
    expect(
      read(
        page(
          '<meta property="og:site_name" content="Dainik Bhaskar">' +
            jsonLd([
              { '@type': 'NewsMediaOrganization', name: 'दैनिक भास्कर' },
              { '@type': 'NewsArticle', headline: 'शहर में बारिश' },
            ]),
          '<p class="byline">दैनिक भास्कर</p>',
        ),
      ).authors,
    ).toEqual([]);
  });

  test('a dateline beside the byline, and an editorial board', () => {
    expect(read(page('', '<p class="byline">9:39AM BST 05 Oct 2011</p>')).authors).toEqual([]);
    expect(
      read(page('<meta name="author" content="By World’s Editorial Writers">')).authors,
    ).toEqual([]);
  });

  test('metadata that names only the publisher passes to the byline the page shows', () => {
    expect(
      read(
        page(
          '<meta property="og:site_name" content="Ege Postası"><meta name="author" content="Ege Postası">',
          '<a rel="author" href="/yazar/1">Şule Öztürk</a>',
        ),
      ).authors,
    ).toEqual(['Şule Öztürk']);
    expect(
      read(
        page('<meta name="author" content="egepostasi.com.tr">', '<a rel="author">Ilgın Çakır</a>'),
      ).authors,
    ).toEqual(['Ilgın Çakır']);
  });

  test('what a byline writes after a name: a role after a dash or after capitals, a weekday, a title alone', () => {
    expect(
      read(
        page(
          '',
          '<p class="byline">By JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers</p>',
        ),
      ).authors,
    ).toEqual(['JORDAN ROBERTSON', 'RACHEL METZ']);
    expect(
      read(
        page(
          '',
          '<p class="byline">LILIAN ALEMAGNA et LAURE BRETTON Envoyés spéciaux à Toulouse</p>',
        ),
      ).authors,
    ).toEqual(['LILIAN ALEMAGNA', 'LAURE BRETTON']);
    expect(
      read(page('', '<p class="byline">By Bryan Walsh Tuesday, Aug. 17, 2010</p>')).authors,
    ).toEqual(['Bryan Walsh']);
    expect(
      read(page('', '<p class="byline">By DAVID LIEBERMAN, Executive Editor</p>')).authors,
    ).toEqual(['DAVID LIEBERMAN']);
    // A weekday inside a name is part of it.
    expect(read(page('', '<a rel="author">Ana Sunday Smith</a>')).authors).toEqual([
      'Ana Sunday Smith',
    ]);
  });

  test('a Latin name written with no capital, a handle or a slug', () => {
    expect(
      read(page('', '<a rel="author" href="/author/israel-news">israel news</a>')).authors,
    ).toEqual([]);
    expect(read(page('', '<a rel="author" href="/yazar/1">İlker Işık</a>')).authors).toEqual([
      'İlker Işık',
    ]);
  });
});

describe('dates', () => {
  test('a date after today is a guess, not a publication date: the next source is read', () => {
    const found = read(
      page(
        `<meta property="article:published_time" content="${dayFromToday(30)}T10:00:00Z"><meta name="DC.date.issued" content="2020-01-02">`,
      ),
    );
    expect(found.publishedAt).toBe('2020-01-02');
  });

  test('ISO 8601 basic format, and the address when the page dates itself nowhere', () => {
    expect(
      read(page(jsonLd({ '@type': 'NewsArticle', datePublished: '20180619T055000+0900' })))
        .publishedAt,
    ).toBe('2018-06-19T05:50:00+09:00');
    expect(read(page(''), 'https://haber.example/2015/03/18/x').publishedAt).toBe('2015-03-18');
    expect(read(page('<meta name="pub_date" content="20100812">')).publishedAt).toBe('2010-08-12');
    expect(read(page(''), 'https://haber.example/2010/SIYASET/8/3/x/').publishedAt).toBe(
      '2010-08-03',
    );
  });

  test('hAtom’s published title, then the day shown in an element named for a date, before the address', () => {
    expect(
      read(
        page('', '<span class="published updated" title="2010-08-13T16:39:00-04:00">13 Ağu</span>'),
      ).publishedAt,
    ).toBe('2010-08-13T16:39:00-04:00');
    expect(
      read(
        page('', '<p class="entry-date">June 8, 2012 6:14 AM</p>'),
        'https://haber.example/2011/01/02/x',
      ).publishedAt,
    ).toBe('2012-06-08');
  });

  test('a microformat’s date in an <abbr> title, where the page shows a time ago', () => {
    expect(
      read(
        page(
          '',
          '<cite class="byline">By Ayşe Kaya – <abbr title="2011-08-25T01:40:40Z">1 hr 4 mins ago</abbr></cite>',
        ),
      ).publishedAt,
    ).toBe('2011-08-25T01:40:40Z');
  });

  test('a time ago is no day: it says when the page was saved', () => {
    expect(
      read(
        page('', '<span class="comment-timestamp">16 minutes ago</span>'),
        'https://haber.example/2011/01/02/x',
      ).publishedAt,
    ).toBe('2011-01-02');
  });

  test('a day the text labels as published, in an element of any name, before the address', () => {
    expect(
      read(
        page(
          '',
          '<div id="bar"><div>Publié le 29/10/2012<em>Mis à jour le 30/10/2012</em></div></div>',
        ),
        'https://haber.example/2011/01/02/x',
      ).publishedAt,
    ).toBe('2012-10-29');
  });
});

describe('language', () => {
  test('<html lang> first, lowercased to its primary subtag', () => {
    expect(read(page('<meta property="og:locale" content="en_US">', '', 'TR-tr')).lang).toBe('tr');
  });

  test('a code that names no language is passed over', () => {
    expect(
      read(
        page(
          '<meta http-equiv="Content-Language" content="utf-8"><meta property="og:locale" content="zh_CN">',
        ),
      ).lang,
    ).toBe('zh');
  });

  test('the text’s language, never Klingon', () => {
    // tinyld alone reads this English sentence as Klingon (`tlh`).
    expect(textLanguage("Iraq's parliament voted on Tuesday")).toBe('en');
  });
});
