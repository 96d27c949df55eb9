import { Center, Loader, type MantineStyleProps } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Outlet, useOutletContext } from 'react-router';
import { useT } from '../i18n/locale';

/**
 * A component fetched with its own chunk the first time it is drawn, from a module's named export:
 * `lazyNamed(() => import('./pages/PortfolioPage'), 'PortfolioPage')`. Only log-in and the signed-in frame are in
 * the first script; each page, and the charting library, come when first shown.
 */
export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() =>
    load().then(
      (module) => ({ default: module[name] }),
      (error: unknown) => {
        if (!reloadForNewBuild()) throw error;
        // The loader stays until the page is loaded again.
        return new Promise<never>(() => undefined);
      },
    ),
  );
}

const RELOADED_AT = 'socle.reloadedForNewBuild';

/**
 * A chunk that no longer exists means a new build replaced the one this page started from (its files have other
 * hashed names): the page is loaded again, with the new build, once; a chunk still missing 30 s later is an error.
 */
function reloadForNewBuild(): boolean {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 30_000) return false;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
  return true;
}

/** What shows while a chunk is on its way: a page's (by default) or a chart's. */
export function ChunkLoader({ what = 'page', height = '50vh' }: { what?: 'page' | 'chart'; height?: MantineStyleProps['h'] }) {
  const t = useT();
  return (
    <Center h={height}>
      <Loader role="status" aria-label={t(what === 'chart' ? 'app.loadingChart' : 'app.loadingPage')} />
    </Center>
  );
}

/**
 * The signed-in pages' outlet: the frame (header, navigation) stays while the next page's chunk loads. The frame's
 * outlet context (the workspace) is passed on to the pages under it.
 */
export function SuspendedOutlet() {
  const context = useOutletContext();
  return (
    <Suspense fallback={<ChunkLoader />}>
      <Outlet context={context} />
    </Suspense>
  );
}
