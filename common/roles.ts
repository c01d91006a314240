/**
 * Roles and the permission table. Access is deny by default: a role may do exactly what this table
 * lists. Services check permissions (and then ownership and region scope); routes declare the
 * permission they need so the authorisation matrix test can enumerate them.
 */
export const ORGANIZATION_TYPES = [
  'university', // 高校
  'research_institute', // 科研院所
  'enterprise', // 企业
  'transfer_institution', // 技术转移机构
  'service_provider', // 服务机构
  'investor', // 投资机构
  'financial_institution', // 金融机构
  'park', // 园区
  'government', // 政府
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, { zh: string; en: string }> = {
  university: { zh: '高校', en: 'University' },
  research_institute: { zh: '科研院所', en: 'Research institute' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  transfer_institution: { zh: '技术转移机构', en: 'Tech-transfer institution' },
  service_provider: { zh: '服务机构', en: 'Service provider' },
  investor: { zh: '投资机构', en: 'Investor' },
  financial_institution: { zh: '金融机构', en: 'Bank / insurer' },
  park: { zh: '园区', en: 'Park' },
  government: { zh: '政府', en: 'Government' },
};

export const ORGANIZATION_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** Roles a user can hold. `public` is the role of an anonymous visitor and is never assigned. */
export const ROLES = ['public', 'org_member', 'org_admin', 'broker', 'expert', 'registrar', 'gov_officer', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];
export type AssignableRole = Exclude<Role, 'public'>;
export const ASSIGNABLE_ROLES = ROLES.filter((r): r is AssignableRole => r !== 'public');

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  public: { zh: '公众', en: 'Public' },
  org_member: { zh: '单位用户', en: 'Organisation member' },
  org_admin: { zh: '单位管理员', en: 'Organisation admin' },
  broker: { zh: '技术经纪人', en: 'Broker / manager' },
  expert: { zh: '专家', en: 'Expert' },
  registrar: { zh: '技术合同登记员', en: 'Contract registrar' },
  gov_officer: { zh: '政府管理人员', en: 'Government officer' },
  platform_admin: { zh: '平台管理员', en: 'Platform admin' },
};

/** Roles that act inside one organisation (the assignment names it). */
export const ORG_SCOPED_ROLES: readonly AssignableRole[] = ['org_member', 'org_admin', 'broker', 'expert', 'registrar'];
/** Roles that act over a region subtree (the assignment names its root). */
export const REGION_SCOPED_ROLES: readonly AssignableRole[] = ['gov_officer'];

export const PERMISSIONS = [
  'token:own', // issue and revoke own API tokens
  'org:read_own', // own organisation profile and members
  'org:update_own', // edit own organisation profile
  'org:manage_members', // invite / remove members of own organisation
  'org:read_region', // organisations in the officer's region subtree
  'org:read_all', // every organisation
  'org:review', // approve, reject, suspend, reactivate organisations
  'user:read_all', // list users
  'user:manage', // assign and remove roles, lock and unlock users
  'audit:read', // browse the audit log
  'catalog:file', // file achievements and demands for own organisation
  'catalog:review', // review achievements and demands (admins everywhere, officers in their region)
  'catalog:curate', // curated lists, synonyms, the technical-field taxonomy
  'trade:initiate', // list, auction or post an agreement notice for own organisation's achievements
  'trade:participate', // register purchase intent, register for auctions and bid, as own organisation
  'trade:staff', // trading-centre staff: qualify bidders, confirm deposits and payments
  'trade:oversee', // resolve objections to agreement notices (officers in their region, admins everywhere)
  'contract:apply', // apply to register technology contracts for own organisation
  'contract:register', // registrar review: certify, return, refuse, amend, cancel
  'stats:read', // statistics and the government dashboard (officers in their region)
  'stats:target', // set yearly targets
  // reports and integrity (C9): server/modules/reports, server/modules/integrity
  'report:file', // fill in and submit own organisation's annual transformation report; file S&T reports
  'report:review', // review annual reports (officers in their region, admins everywhere)
  'integrity:record', // enter integrity records and decide appeals (officers in their region, admins everywhere)
  'integrity:appeal', // appeal an integrity record about own organisation
  // institutions and brokers (issue 15, C7: server/modules/institutions, server/modules/brokers)
  'broker:manage', // keep the broker registry: register brokers, record training and accreditation
  'broker:declare', // a broker declares conflicts of interest on the contracts and deals they broker
  'institution:update_own', // own tech-transfer institution's profile and demonstration applications
  'institution:certify', // demonstration rounds (open, check, draw expert panels, publish) and alliances
  // finance and subsidies (issue 17, C11): server/modules/finance, server/modules/subsidies
  'finance:participate', // investor profile, financing requests and interest, SME self-assessment, pledge loans, for own organisation
  'subsidy:apply', // apply to subsidy programmes and record payments on own organisation's registered contracts
  'subsidy:administer', // subsidy programmes; the district check, review, approval, notice and payment (officers in their region)
  // export control and interconnection (issue 18, C12 and C13): server/modules/export-control, server/modules/feeds
  'export:review', // screen cross-border records, decide free / restricted / prohibited, record approvals (officers in their region)
  'export:catalogue', // import a new revision of the export-control catalogue
  'feeds:webhooks', // outbound webhook subscriptions and their delivery log
  // experts (expert pool and review panels, server/modules/experts)
  'expert:manage', // maintain the expert pool, see experts' contact details and panel results
  'expert:score', // the expert's workspace: own assignments, scores, conflict declarations
  // events, services, policies (C14, issue 17: server/modules/events, services, policies)
  'event:manage', // organise roadshows and exhibitions for own organisation (admins everywhere): agenda, projects, judges, check-in
  'event:judge', // score the pitches of events one is named a judge of
  'service:request', // request professional services for own organisation, accept quotes, rate delivered work
  'service:provide', // as a member of a service-provider organisation: offer services, quote, deliver
  'policy:manage', // file and publish policies (officers in their region, admins everywhere)
  // challenges (揭榜比拼, C8; experts score on panels with expert:score)
  'challenge:sponsor', // turn own organisation's demands into challenges (发榜) and manage them
  'challenge:solve', // register for challenges and submit sealed proposals for own organisation (揭榜)
  'challenge:manage', // screen, publish, open scoring panels, shortlist, award, record stages (admins everywhere, officers in their region)
  // disclosures + distributions (C10, issue 16): the university TTO
  'disclosure:file', // disclose an invention (职务发明披露) for own organisation
  'disclosure:manage', // TTO staff of own organisation: assess, decide, turn into an achievement
  'distribution:manage', // TTO staff of own organisation: prepare income distributions, record payment
  'distribution:approve', // approve own organisation's income distributions (never one's own)
  // news (新闻动态 on the portal, issue 14)
  'news:publish', // publish and withdraw the portal's news items (the platform operator)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Own sessions and password need only a login (route access `authenticated`).
const MEMBER: Permission[] = ['token:own', 'org:read_own'];
const FILER: Permission[] = [
  ...MEMBER,
  'catalog:file',
  'trade:initiate',
  'trade:participate',
  'contract:apply',
  'challenge:sponsor',
  'challenge:solve',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  public: [],
  org_member: [...FILER, 'report:file', 'service:request', 'service:provide', 'disclosure:file', 'finance:participate', 'subsidy:apply'],
  org_admin: [
    ...FILER,
    'org:update_own',
    'org:manage_members',
    'report:file',
    'integrity:appeal',
    'event:manage',
    'service:request',
    'service:provide',
    'disclosure:file',
    'disclosure:manage',
    'distribution:manage',
    'distribution:approve',
    'institution:update_own',
    'finance:participate',
    'subsidy:apply',
  ],
  broker: [
    ...FILER,
    'event:manage',
    'service:request',
    'disclosure:file',
    'disclosure:manage',
    'distribution:manage',
    'broker:declare',
    'finance:participate',
    'subsidy:apply',
  ],
  expert: [...MEMBER, 'expert:score', 'event:judge'],
  registrar: [...MEMBER, 'contract:register', 'stats:read'],
  gov_officer: [
    ...MEMBER,
    'org:read_region',
    'catalog:review',
    'trade:oversee',
    'stats:read',
    'stats:target',
    'report:review',
    'integrity:record',
    'expert:manage',
    'event:manage',
    'policy:manage',
    'challenge:manage',
    'broker:manage',
    'institution:certify',
    'subsidy:administer',
    'export:review',
  ],
  platform_admin: [
    ...MEMBER,
    'org:update_own',
    'org:manage_members',
    'org:read_all',
    'org:read_region',
    'org:review',
    'user:read_all',
    'user:manage',
    'audit:read',
    'catalog:review',
    'catalog:curate',
    'trade:staff',
    'trade:oversee',
    'contract:register',
    'stats:read',
    'stats:target',
    'report:review',
    'integrity:record',
    'expert:manage',
    'event:manage',
    'policy:manage',
    'challenge:manage',
    'broker:manage',
    'institution:certify',
    'subsidy:administer',
    'export:review',
    'export:catalogue',
    'feeds:webhooks',
    'news:publish',
  ],
};
export function permissionsOf(roles: Iterable<Role>): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}

/**
 * What a route needs: `public` (anyone), `authenticated` (any logged-in user or token) or a
 * permission. Every route declares one; the app refuses to start with a route that does not.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export function roleMayAccess(role: Role, access: RouteAccess): boolean {
  if (access === 'public') return true;
  if (role === 'public') return false;
  if (access === 'authenticated') return true;
  return ROLE_PERMISSIONS[role].includes(access);
}
