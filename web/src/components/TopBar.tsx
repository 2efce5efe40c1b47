import { t } from '../i18n.js';
import { usePath } from '../router.js';
import { useSession } from '../session.js';
import { Link } from './Link.js';

export function TopBar() {
  const { user, signOut } = useSession();
  const path = usePath();
  const isParked = path === '/parked';
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('appName')}
      </Link>
      <nav className="topbar-nav">
        <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
          {t('navQueue')}
        </Link>
        <Link href="/parked" aria-current={isParked ? 'page' : undefined}>
          {t('navParked')}
        </Link>
        {user.role === 'admin' || user.role === 'desk' ? (
          <Link href="/channels" aria-current={path === '/channels' ? 'page' : undefined}>
            {t('navChannels')}
          </Link>
        ) : null}
        {user.role === 'admin' || user.role === 'desk' ? (
          <Link href="/manual" aria-current={path === '/manual' ? 'page' : undefined}>
            {t('navManual')}
          </Link>
        ) : null}
        {user.role !== 'picker' ? (
          <Link href="/returns" aria-current={path === '/returns' ? 'page' : undefined}>
            {t('navReturns')}
          </Link>
        ) : null}
        <Link href="/pick" aria-current={path.startsWith('/pick') ? 'page' : undefined}>
          {t('navPick')}
        </Link>
        <Link href="/pack" aria-current={path === '/pack' ? 'page' : undefined}>
          {t('navPack')}
        </Link>
        <Link href="/stock" aria-current={path.startsWith('/stock') ? 'page' : undefined}>
          {t('navStock')}
        </Link>
        {user.role === 'admin' || user.role === 'desk' ? (
          <Link href="/desk" aria-current={path.startsWith('/desk') ? 'page' : undefined}>
            {t('navDesk')}
          </Link>
        ) : null}
        {user.role === 'admin' || user.role === 'desk' ? (
          <Link href="/catalog" aria-current={path.startsWith('/catalog') ? 'page' : undefined}>
            {t('navCatalog')}
          </Link>
        ) : null}
        {user.role === 'admin' || user.role === 'desk' ? (
          <Link href="/dashboard" aria-current={path === '/dashboard' ? 'page' : undefined}>
            {t('navDashboard')}
          </Link>
        ) : null}
      </nav>
      <div className="topbar-user">
        <span data-testid="current-user">{user.name}</span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void signOut()}
          data-testid="sign-out"
        >
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
