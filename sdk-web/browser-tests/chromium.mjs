// Which Chromium the browser tests drive. A configured one (MARQUEE_CHROMIUM, which BrowserIT sets from
// -Dmarquee.chromium or the MARQUEE_CHROMIUM variable) is used as it is; otherwise the headless Chromium of the npm
// package @sparticuz/chromium (a devDependency: the binary comes with `npm install`, no system browser needed) is
// unpacked once from its brotli archives into sdk-web/target/chromium-<version>/.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const sdk = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(sdk, 'node_modules', '@sparticuz', 'chromium');

/** The executable and the environment it needs (its own libraries and fonts when it is the packaged one). */
export function chromiumInstall(configured = process.env.MARQUEE_CHROMIUM) {
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(`MARQUEE_CHROMIUM (or -Dmarquee.chromium) names ${configured}, which does not exist`);
    }
    return { executablePath: configured, env: {} };
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const dir = join(sdk, 'target', `chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    unpack(dir);
  }
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      // the NSS/expat libraries of the archive first, then swiftshader's (unpacked next to the binary)
      LD_LIBRARY_PATH: [join(dir, 'lib'), dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: dir,
    },
  };
}

/** Unpacks into a temporary sibling, then renames it into place: a half-written directory is never used. */
function unpack(dir) {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const bin = join(packageDir, 'bin');
  writeFileSync(join(partial, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))));
  chmodSync(join(partial, 'chromium'), 0o755);
  for (const archive of ['al2023.tar', 'swiftshader.tar', 'fonts.tar']) {
    const tar = join(partial, archive);
    writeFileSync(tar, brotliDecompressSync(readFileSync(join(bin, `${archive}.br`))));
    execFileSync('tar', ['-xf', tar, '-C', partial]);
    rmSync(tar);
  }
  // the archive's fonts.conf names Lambda's paths: its own fonts, then the machine's, with a cache of its own
  writeFileSync(
    join(partial, 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`,
  );
  try {
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) {
      throw error;
    }
  }
}
