// The configurable category tree (Art. 9: economic regulation, market supervision, social management,
// public service, ecology/environment). SEED_CATEGORIES is the default; a deployment may load its own.
export interface CategoryNode {
  id: string;
  zh: string;
  en: string;
  children?: CategoryNode[];
}

const n = (id: string, zh: string, en: string, children?: CategoryNode[]): CategoryNode =>
  children ? { id, zh, en, children } : { id, zh, en };

export const SEED_CATEGORIES: readonly CategoryNode[] = [
  n('econ', '经济调节', 'Economic regulation', [
    n('econ.price', '价格', 'Prices'),
    n('econ.tax', '税费', 'Taxes and fees'),
    n('econ.business-env', '营商环境', 'Business environment'),
    n('econ.agriculture', '农业农村', 'Agriculture and rural affairs'),
  ]),
  n('market', '市场监管', 'Market supervision', [
    n('market.food', '食品安全', 'Food safety'),
    n('market.consumer', '消费维权', 'Consumer rights'),
    n('market.drugs', '药品医疗器械', 'Drugs and medical devices'),
    n('market.quality', '产品质量', 'Product quality'),
  ]),
  n('social', '社会管理', 'Social management', [
    n('social.public-security', '社会治安', 'Public security'),
    n('social.traffic', '交通管理', 'Traffic management'),
    n('social.housing', '住房城建', 'Housing and urban construction'),
    n('social.labour', '劳动保障', 'Labour and wages'),
    n('social.civil-affairs', '民政', 'Civil affairs'),
  ]),
  n('public', '公共服务', 'Public service', [
    n('public.water', '供水', 'Water supply'),
    n('public.power', '供电', 'Power supply'),
    n('public.gas', '供气供暖', 'Gas and heating'),
    n('public.oxygen', '供氧', 'Oxygen supply'),
    n('public.education', '教育', 'Education'),
    n('public.health', '医疗卫生', 'Health'),
    n('public.social-insurance', '社会保险', 'Social insurance'),
    n('public.tourism', '文化旅游', 'Culture and tourism'),
    n('public.transport', '公共交通', 'Public transport'),
  ]),
  n('eco', '生态环境', 'Ecology and environment', [
    n('eco.pollution', '环境污染', 'Pollution'),
    n('eco.grassland', '草原林业', 'Grassland and forestry'),
    n('eco.wildlife', '野生动物保护', 'Wildlife protection'),
  ]),
  n('other', '其他', 'Other'),
];

export interface CategoryIndex {
  has(id: string): boolean;
  path(id: string): CategoryNode[];
  search(text: string): CategoryNode[];
}

export function indexCategories(tree: readonly CategoryNode[]): CategoryIndex {
  const parents = new Map<string, CategoryNode[]>();
  const walk = (nodes: readonly CategoryNode[], trail: CategoryNode[]) => {
    for (const node of nodes) {
      parents.set(node.id, [...trail, node]);
      if (node.children) walk(node.children, [...trail, node]);
    }
  };
  walk(tree, []);
  return {
    has: (id) => parents.has(id),
    path: (id) => parents.get(id) ?? [],
    search: (text) => {
      const q = text.trim().toLowerCase();
      if (!q) return [];
      return [...parents.values()]
        .map((p) => p[p.length - 1] as CategoryNode)
        .filter((c) => c.zh.includes(q) || c.en.toLowerCase().includes(q) || c.id.includes(q));
    },
  };
}
