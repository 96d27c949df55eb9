import { useEffect } from 'react';

/**
 * Gives the focus back to what had it before a dialog opened, once the dialog is gone. Mantine returns focus only when
 * a mounted modal's `opened` turns false; the console's forms are dialogs mounted open and unmounted on close (so
 * their state starts afresh), which left keyboard users on the page's body after Escape or a save. Nothing is done
 * when the focus already went somewhere, or when the opener itself is gone (a list that re-rendered).
 */
export function useDialogFocusReturn(): void {
  useEffect(() => {
    let opener: HTMLElement | null = null;
    let inDialog = false;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (!target) return;
      inDialog = target.closest('[role="dialog"]') !== null;
      if (!inDialog) opener = target;
    };
    const observer = new MutationObserver(() => {
      if (!inDialog) return;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      inDialog = false;
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
