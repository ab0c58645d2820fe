import { useParams } from 'react-router';
import { SigningPage } from '../../../features/signing/components/signing-page';

/** `/sign/:token`: public, no session; the token in the link is the only key. */
export function Component() {
  const { token = '' } = useParams();
  return <SigningPage token={token} />;
}
