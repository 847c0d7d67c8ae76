/**
 * robots.txt, read with robots-parser: fetched once per host in a run, its exchange kept in the
 * WARC of every capture that asked that host, and an address it disallows refused.
 */
import robotsParser from 'robots-parser';
import { fetchResource, FetchError, type Exchange, type Limits } from './fetch.ts';

/** The product token robots.txt groups are matched by (the start of USER_AGENT). */
const AGENT = 'HaberArsivi';

const ANY = { test: () => true, what: 'a robots.txt', accept: 'text/plain' };

interface Rules {
  readonly exchanges: readonly Exchange[];
  /** Why every address of the host is refused, when robots.txt could not be read. */
  readonly refusal?: string;
  readonly robot?: ReturnType<typeof robotsParser>;
}

export class Robots {
  private readonly hosts = new Map<string, Promise<Rules>>();
  private readonly limits: Limits;

  constructor(limits: Limits) {
    this.limits = limits;
  }

  private async rules(origin: string): Promise<Rules> {
    const address = `${origin}/robots.txt`;
    const exchanges: Exchange[] = [];
    try {
      const fetched = await fetchResource(address, ANY, this.limits, exchanges);
      const text = new TextDecoder().decode(fetched.body);
      return { exchanges, robot: robotsParser(fetched.chain.at(-1)!, text) };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      // RFC 9309 §2.3.1: a robots.txt that is not there (4xx) allows everything; one that cannot
      // be read (5xx, no answer) allows nothing. With no answer at all, the host's own fault
      // (DNS, a refused connection) is what the keeper must read, as it would be for the page.
      const status = exchanges.at(-1)?.status;
      if (status === undefined) return { exchanges, refusal: error.message };
      if (status >= 400 && status < 500) return { exchanges };
      return {
        exchanges,
        refusal: `its robots.txt could not be read, which allows nothing (${address}: ${error.message}); --ignore-robots fetches it anyway`,
      };
    }
  }

  /**
   * Throws a `FetchError` when robots.txt disallows `url`; the first time a capture asks a host,
   * the robots.txt exchange joins the capture's `exchanges`.
   */
  async check(url: URL, exchanges: Exchange[], asked: Set<string>): Promise<void> {
    let rules = this.hosts.get(url.origin);
    if (!rules) this.hosts.set(url.origin, (rules = this.rules(url.origin)));
    const { exchanges: fetched, refusal, robot } = await rules;
    if (!asked.has(url.origin)) {
      asked.add(url.origin);
      exchanges.push(...fetched);
    }
    if (refusal) throw new FetchError(refusal);
    if (robot?.isDisallowed(url.href, AGENT))
      throw new FetchError(
        `${url.origin}/robots.txt disallows it (line ${robot.getMatchingLineNumber(url.href, AGENT)}); --ignore-robots fetches it anyway`,
      );
  }
}
