// Component tests render in English synchronously; the app loads the English texts before its first
// render (main.tsx), so tests start with them loaded too.
import { loadEnglish } from '../lib/i18n/i18n';

await loadEnglish();
