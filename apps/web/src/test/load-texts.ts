// Component tests render in English synchronously; the app loads the English texts before its first
// render (main.tsx), so tests start with them loaded too. A component renders its Dutch texts as it
// does inside its portal, which adds the office portals' texts when it loads.
import { addDutchMessages, loadEnglish } from '../lib/i18n/i18n';
import { nlPortalExtras } from '../lib/i18n/messages-nl-portal-extras';

addDutchMessages(nlPortalExtras);
await loadEnglish();
