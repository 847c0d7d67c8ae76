import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HOST_FILES } from '../../src/lib/hosting.ts';
import { freePort, untilAnswering } from './site.ts';

/** Debian's nginx (`apt-get install nginx`); another binary can be given in `NGINX_PATH`. */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * Serves a built site with a real nginx, as a keeper would: the site placed at its base path
 * under the server's root, and the build's own `_nginx.conf` included in the server block.
 * One process (`master_process off`), so that nothing runs as another user or outlives the test.
 */
export async function serveWithNginx(
  dist: string,
  base: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const prefix = await mkdtemp(join(tmpdir(), 'haber-arsivi-nginx-'));
  const root = join(prefix, 'www');
  const site = join(root, base);
  await mkdir(dirname(site.replace(/\/$/, '')), { recursive: true });
  await symlink(dist, site.replace(/\/$/, ''));
  const port = await freePort();
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  await writeFile(
    join(prefix, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${join(dist, HOST_FILES.nginx)};
  }
}
`,
  );
  const nginx = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  nginx.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await untilAnswering(url, nginx, () => output);
  return {
    url,
    stop: async () => {
      nginx.kill();
      await exited;
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
