// Progressive enhancement for the server-rendered apply journey. Every page already works without
// this script; with it, word counts update as people type, and what they type is saved to the
// server every few seconds, so a dropped connection or a closed tab loses nothing.
import { countWords, wordCountMessage } from '../../../shared/text.ts';

const AUTOSAVE_DELAY_MS = 1500;

function enhanceWordCounts() {
  for (const textarea of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-max-words]')) {
    const maxWords = Number(textarea.dataset.maxWords);
    const counter = document.getElementById(`${textarea.id}-word-count`);
    if (!counter || !Number.isFinite(maxWords)) continue;
    const update = () => {
      const words = countWords(textarea.value);
      counter.textContent = wordCountMessage(maxWords, words);
      counter.classList.toggle('app-word-count--over', words > maxWords);
    };
    textarea.addEventListener('input', update);
    update();
  }
}

function enhanceAutosave() {
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  if (!form) return;
  const status = document.createElement('p');
  status.className = 'app-hint app-autosave-status';
  status.setAttribute('role', 'status');
  form.append(status);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    try {
      const response = await fetch(form.dataset.autosave!, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString(),
      });
      status.textContent = response.ok ? 'Your answers on this page are saved as you type.' : '';
    } catch {
      status.textContent = 'We could not save just now. Your answers will be saved when you continue.';
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
}

enhanceWordCounts();
enhanceAutosave();
