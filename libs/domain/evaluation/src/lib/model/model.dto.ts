import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ConnectionType, DateTimeScalar, derivedId, JSONObjectScalar } from '@socle/platform-graphql';
import { MAX_MODEL_JSON_LENGTH } from './model-json';
import type { ModelVersionView, ModelView } from './model.service';

/** "default" (the built-in model) or the UUID of one of the agency's models. */
export const MODEL_ID = /^(default|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
export const MODEL_ID_MESSAGE = 'must be a maturity model id: "default" or a UUID';

export enum MaturityModelVersionStatusEnum {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(MaturityModelVersionStatusEnum, {
  name: 'MaturityModelVersionStatus',
  description: 'DRAFT (being edited; at most one per model) or PUBLISHED (immutable; assessments can use it).',
  valuesMap: {
    DRAFT: { description: 'Being edited; at most one per model.' },
    PUBLISHED: { description: 'Immutable; assessments can use it.' },
  },
});

@ObjectType('MaturityModelVersion', {
  description: 'One version of a maturity model. Published versions never change; assessments keep the version they used.',
})
export class MaturityModelVersionObject {
  @Field(() => ID, {
    description:
      'Id of this version (its model and number): opaque and stable, the same in the model’s versions and in the mutations’ answers.',
  })
  id!: string;
  @Field(() => ID, { description: 'The model: "default" for the built-in one, else a UUID.' }) modelId!: string;
  @Field(() => Int, { description: 'The version number, from 1.' }) version!: number;
  @Field(() => MaturityModelVersionStatusEnum, { description: 'Draft or published.' }) status!: MaturityModelVersionStatusEnum;
  @Field(() => JSONObjectScalar, {
    description: 'The model content, in the shape of `model` in the export format (see maturityModelJsonSchema).',
  })
  content!: Record<string, unknown>;
  @Field(() => DateTimeScalar, { description: 'When the version was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the version’s content last changed (UTC).' }) updatedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the version was published (UTC); null for a draft.' })
  publishedAt!: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who created the version; null for the built-in model or when not created by a person.',
  })
  createdBy!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who published the version; null for a draft, the built-in model, or when not published by a person.',
  })
  publishedBy!: string | null;
}

@ObjectType('MaturityModel', {
  description: 'A maturity model: the built-in default (id "default", read-only) or one of the agency’s own.',
})
export class MaturityModelObject {
  @Field(() => ID, { description: 'The model’s id: "default" for the built-in one, else a UUID.' }) id!: string;
  @Field(() => String, { description: 'The model’s name, 1 to 120 characters.' }) name!: string;
  @Field(() => Boolean, { description: 'The built-in model derived from the method; copy it to make your own.' }) builtIn!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the model was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the model last changed (UTC).' }) updatedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'The newest published version (what assessments use by default).' })
  latestPublishedVersion!: number | null;
  @Field(() => Int, { nullable: true, description: 'The version being edited, if any.' }) draftVersion!: number | null;
  @Field(() => [MaturityModelVersionObject], { description: 'Newest first.' }) versions!: MaturityModelVersionObject[];
}

export const MaturityModelConnection = ConnectionType(MaturityModelObject, 'MaturityModel');

export function toVersionObject(v: ModelVersionView): MaturityModelVersionObject {
  return {
    id: derivedId('MaturityModelVersion', v.modelId, v.version),
    modelId: v.modelId,
    version: v.version,
    status: v.status as MaturityModelVersionStatusEnum,
    content: v.content as unknown as Record<string, unknown>,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    publishedAt: v.publishedAt,
    createdBy: v.createdBy,
    publishedBy: v.publishedBy,
  };
}

export function toModelObject(m: ModelView): MaturityModelObject {
  return {
    id: m.id,
    name: m.name,
    builtIn: m.builtIn,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    latestPublishedVersion: m.versions.find((v) => v.status === 'PUBLISHED')?.version ?? null,
    draftVersion: m.versions.find((v) => v.status === 'DRAFT')?.version ?? null,
    versions: m.versions.map(toVersionObject),
  };
}

@InputType({ description: 'A new maturity model, from a copy, given content, or a skeleton.' })
export class CreateMaturityModelInput {
  @Field(() => String, { description: 'The model’s name, 1 to 120 characters.' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;

  @Field(() => ID, { nullable: true, description: 'Copy this model ("default" for the built-in one).' })
  @IsOptional()
  @IsString()
  @Matches(MODEL_ID, { message: MODEL_ID_MESSAGE })
  fromModelId?: string;

  @Field(() => Int, { nullable: true, description: 'The version to copy (default: the newest published one).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  fromVersion?: number;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'Start from this content instead (shape of `model` in the export format). Without it nor fromModelId, a minimal valid skeleton.',
  })
  @IsOptional()
  @IsObject()
  content?: Record<string, unknown>;
}

@InputType({ description: 'The model and the new content of its draft.' })
export class UpdateMaturityModelDraftInput {
  @Field(() => ID, { description: 'The model: a UUID of one of the agency’s models (the built-in "default" cannot change).' })
  @IsString()
  @Matches(MODEL_ID, { message: MODEL_ID_MESSAGE })
  modelId!: string;
  @Field(() => JSONObjectScalar, { description: 'The whole new content of the draft (shape of `model` in the export format).' })
  @IsObject()
  content!: Record<string, unknown>;
}

@InputType({ description: 'The model whose draft to publish.' })
export class PublishMaturityModelVersionInput {
  @Field(() => ID, { description: 'The model: a UUID of one of the agency’s models.' })
  @IsString()
  @Matches(MODEL_ID, { message: MODEL_ID_MESSAGE })
  modelId!: string;
}

@InputType({ description: 'A maturity model to create from an exported document.' })
export class ImportMaturityModelInput {
  @Field(() => String, { description: 'The model’s name, 1 to 120 characters.' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @Field(() => String, {
    description: 'A document in the export format (see maturityModelJsonSchema). The model is created with it as its draft version 1.',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(MAX_MODEL_JSON_LENGTH)
  json!: string;
}
