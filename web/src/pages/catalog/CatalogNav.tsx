import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import { usePath } from '../../router.js';

/** The three catalogue pages, one click apart. */
export function CatalogNav() {
  const path = usePath();
  const tabs = [
    { href: '/catalog', label: t('catNavProducts') },
    { href: '/catalog/rules', label: t('catNavRules') },
    { href: '/catalog/feeds', label: t('catNavFeeds') },
  ];
  return (
    <nav className="cat-nav" aria-label={t('navCatalog')}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={path === tab.href ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
