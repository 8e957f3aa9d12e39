import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The languages theme keywords (and suggestions) exist for. */
export const THEME_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
export type ThemeLanguage = (typeof THEME_LANGUAGES)[number];
export const isThemeLanguage = (code: string): code is ThemeLanguage => (THEME_LANGUAGES as readonly string[]).includes(code);

/** Keywords per language: { "en": ["price", "too expensive"], "pl": ["cena"] }. */
export type ThemeKeywordMap = Partial<Record<ThemeLanguage, string[]>>;

/** A theme of the organization's catalogue (migration 1764700000000-ClosedLoop). */
@Entity({ name: 'themes' })
export class ThemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  /** The name per language, shown in the reader's language; the original name otherwise. */
  @Column({ type: 'jsonb', name: 'name_translations', default: () => "'{}'::jsonb" })
  nameTranslations: Record<string, string>;

  /** The audiences the theme is about (CUSTOMER, CANDIDATE, ASSOCIATE, EMPLOYEE); empty: all of them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audiences: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column({ type: 'jsonb' })
  keywords: ThemeKeywordMap;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

export type ResponseThemeStatus = 'SUGGESTED' | 'ACCEPTED' | 'DISMISSED';

/** A theme on an identified response: suggested by the matcher, accepted or dismissed by a person. */
@Entity({ name: 'response_themes' })
export class ResponseThemeEntity {
  @PrimaryColumn({ type: 'uuid', name: 'response_id' })
  responseId: string;

  @PrimaryColumn({ type: 'uuid', name: 'theme_id' })
  themeId: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  status: ResponseThemeStatus;

  @Column({ type: 'uuid', name: 'tagged_by', nullable: true })
  taggedBy: string | null;

  @Column({ type: 'timestamptz', name: 'tagged_at' })
  taggedAt: Date;
}
