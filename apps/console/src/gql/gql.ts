/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n': typeof types.CreateOrganizationDocument;
  '\n  mutation LogOut {\n    logOut\n  }\n': typeof types.LogOutDocument;
  '\n  query CheckContent($input: CheckContentInput!) {\n    checkContent(input: $input) {\n      blocked\n      violations {\n        start\n        end\n        kind\n        message\n        ruleId\n        severity\n      }\n    }\n  }\n': typeof types.CheckContentDocument;
  '\n  query Workspace {\n    me {\n      user {\n        id\n        displayName\n        email\n        locale\n      }\n      agencies {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      organizations {\n        roles\n        organization {\n          id\n          name\n          timezone\n        }\n      }\n    }\n  }\n': typeof types.WorkspaceDocument;
  '\n  query AgencyOrganizations {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          locale\n        }\n      }\n    }\n  }\n': typeof types.AgencyOrganizationsDocument;
  '\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      newAccount\n      userId\n      session {\n        accessToken\n        refreshToken\n        expiresIn\n        userId\n      }\n    }\n  }\n': typeof types.AcceptInvitationDocument;
  '\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n': typeof types.LogInDocument;
  '\n  query OrganizationOverview {\n    organization {\n      id\n      name\n      timezone\n      createdAt\n    }\n    maturityRadar {\n      source\n      at\n      overallScore\n      levelName\n      axes {\n        dimensionKey\n        title\n        score\n      }\n    }\n  }\n': typeof types.OrganizationOverviewDocument;
  '\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n': typeof types.RequestPasswordResetDocument;
  '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n': typeof types.ResetPasswordDocument;
  '\n  query Portfolio {\n    portfolio(first: 100, sort: { field: SCORE, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          organizationId\n          name\n          trend\n          lastAssessment {\n            score\n            level\n            levelName\n            finalizedAt\n          }\n          weakestDimension {\n            key\n            title\n            score\n          }\n        }\n      }\n    }\n  }\n': typeof types.PortfolioDocument;
  '\n  query MaturityComparison($organizationId: ID!) {\n    maturityComparison(organizationId: $organizationId) {\n      organizationCount\n      overall {\n        score\n        agencyAverage\n      }\n      dimensions {\n        dimensionKey\n        title\n        score\n        agencyAverage\n      }\n    }\n  }\n': typeof types.MaturityComparisonDocument;
  '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n': typeof types.SignUpDocument;
  '\n  query NetworkAccounts($first: Int!, $after: String) {\n    networkAccounts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          serviceUrl\n          status\n          lastError\n          lastCheckedAt\n          rateLimitedUntil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    networks {\n      id\n      displayName\n      authKind\n      defaultServiceUrl\n    }\n  }\n': typeof types.NetworkAccountsDocument;
  '\n  mutation ConnectNetworkAccount($input: ConnectNetworkAccountInput!) {\n    connectNetworkAccount(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.ConnectNetworkAccountDocument;
  '\n  mutation StartNetworkOAuth($input: StartNetworkOAuthInput!) {\n    startNetworkOAuth(input: $input) {\n      authorizationUrl\n    }\n  }\n': typeof types.StartNetworkOAuthDocument;
  '\n  query NetworkAccountChoice($id: ID!) {\n    networkAccountChoice(id: $id) {\n      id\n      network\n      expiresAt\n      targets {\n        id\n        kind\n        name\n        handle\n        url\n      }\n    }\n  }\n': typeof types.NetworkAccountChoiceDocument;
  '\n  mutation ChooseNetworkAccountTarget($input: ChooseNetworkAccountTargetInput!) {\n    chooseNetworkAccountTarget(input: $input) {\n      id\n      handle\n      status\n    }\n  }\n': typeof types.ChooseNetworkAccountTargetDocument;
  '\n  mutation CheckNetworkAccount($input: CheckNetworkAccountInput!) {\n    checkNetworkAccount(input: $input) {\n      id\n      status\n      lastError\n      lastCheckedAt\n    }\n  }\n': typeof types.CheckNetworkAccountDocument;
  '\n  mutation DisconnectNetworkAccount($input: DisconnectNetworkAccountInput!) {\n    disconnectNetworkAccount(input: $input) {\n      id\n    }\n  }\n': typeof types.DisconnectNetworkAccountDocument;
  '\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          displayPrefix\n          scopes\n          organizationId\n          createdAt\n          expiresAt\n          revokedAt\n          lastUsedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.ApiKeysDocument;
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        displayPrefix\n      }\n    }\n  }\n': typeof types.CreateApiKeyDocument;
  '\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n': typeof types.RevokeApiKeyDocument;
  '\n  query AgencyMembers($first: Int, $after: String) {\n    agencyMembers(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          role\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AgencyMembersDocument;
  '\n  mutation InviteAgencyMember($input: InviteAgencyMemberInput!) {\n    inviteAgencyMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n': typeof types.InviteAgencyMemberDocument;
  '\n  query AgencyInvitations($first: Int, $after: String) {\n    agencyInvitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          agencyRole\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AgencyInvitationsDocument;
  '\n  mutation ResendAgencyInvitation($input: ResendInvitationInput!) {\n    resendAgencyInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n': typeof types.ResendAgencyInvitationDocument;
  '\n  mutation RevokeAgencyInvitation($input: RevokeInvitationInput!) {\n    revokeAgencyInvitation(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.RevokeAgencyInvitationDocument;
  '\n  mutation ChangeAgencyMemberRole($input: ChangeAgencyMemberRoleInput!) {\n    changeAgencyMemberRole(input: $input) {\n      userId\n      role\n    }\n  }\n': typeof types.ChangeAgencyMemberRoleDocument;
  '\n  mutation RemoveAgencyMember($input: RemoveMemberInput!) {\n    removeAgencyMember(input: $input) {\n      userId\n    }\n  }\n': typeof types.RemoveAgencyMemberDocument;
  '\n  query OrganizationMembers($first: Int, $after: String) {\n    organization {\n      id\n      myRoles\n    }\n    members(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          roles\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.OrganizationMembersDocument;
  '\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n': typeof types.InviteMemberDocument;
  '\n  query OrganizationInvitations($first: Int, $after: String) {\n    invitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          roles\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.OrganizationInvitationsDocument;
  '\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n': typeof types.ResendInvitationDocument;
  '\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.RevokeInvitationDocument;
  '\n  mutation ChangeMemberRoles($input: ChangeMemberRolesInput!) {\n    changeMemberRoles(input: $input) {\n      userId\n      roles\n    }\n  }\n': typeof types.ChangeMemberRolesDocument;
  '\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      userId\n    }\n  }\n': typeof types.RemoveMemberDocument;
  '\n  query MaturityModels($first: Int, $after: String) {\n    maturityModels(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n          draftVersion\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.MaturityModelsDocument;
  '\n  query MaturityModel($id: ID!) {\n    maturityModel(id: $id) {\n      id\n      name\n      builtIn\n      latestPublishedVersion\n      draftVersion\n      versions {\n        version\n        status\n        createdAt\n        publishedAt\n        content\n      }\n    }\n  }\n': typeof types.MaturityModelDocument;
  '\n  query ExportMaturityModel($modelId: ID!, $version: Int) {\n    exportMaturityModel(modelId: $modelId, version: $version)\n  }\n': typeof types.ExportMaturityModelDocument;
  '\n  mutation CreateMaturityModel($input: CreateMaturityModelInput!) {\n    createMaturityModel(input: $input) {\n      id\n    }\n  }\n': typeof types.CreateMaturityModelDocument;
  '\n  mutation ImportMaturityModel($input: ImportMaturityModelInput!) {\n    importMaturityModel(input: $input) {\n      id\n    }\n  }\n': typeof types.ImportMaturityModelDocument;
  '\n  mutation UpdateMaturityModelDraft($input: UpdateMaturityModelDraftInput!) {\n    updateMaturityModelDraft(input: $input) {\n      version\n      status\n    }\n  }\n': typeof types.UpdateMaturityModelDraftDocument;
  '\n  mutation PublishMaturityModelVersion($input: PublishMaturityModelVersionInput!) {\n    publishMaturityModelVersion(input: $input) {\n      version\n      status\n    }\n  }\n': typeof types.PublishMaturityModelVersionDocument;
  '\n  mutation UpdateMyLocale($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      locale\n    }\n  }\n': typeof types.UpdateMyLocaleDocument;
  '\n  query CommunityCharts($from: DateTime!, $to: DateTime!, $interval: VolumeInterval!) {\n    mentionVolume(interval: $interval, from: $from, to: $to) {\n      timeZone\n      buckets {\n        date\n        total\n        positive\n        neutral\n        negative\n        averageSentiment\n      }\n    }\n    shareOfVoice(from: $from, to: $to) {\n      total\n      sides {\n        kind\n        competitorId\n        name\n        mentions\n        share\n      }\n    }\n  }\n': typeof types.CommunityChartsDocument;
  '\n  query InboxItems($first: Int!, $after: String, $status: InboxStatus, $severity: CommentSeverity, $overdue: Boolean) {\n    inboxItems(first: $first, after: $after, status: $status, severity: $severity, overdue: $overdue) {\n      edges {\n        node {\n          id\n          kind\n          source\n          authorHandle\n          authorName\n          text\n          url\n          receivedAt\n          severity\n          severityReason\n          status\n          dueAt\n          overdue\n          responsibleRole\n          assigneeId\n          version\n          replies {\n            id\n            text\n            status\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n          }\n        }\n      }\n    }\n  }\n': typeof types.InboxItemsDocument;
  '\n  query InboxReplyTemplates($network: String, $severity: CommentSeverity) {\n    replyTemplates(network: $network, severity: $severity) {\n      channel\n      language\n      severity\n      text\n    }\n  }\n': typeof types.InboxReplyTemplatesDocument;
  '\n  mutation AssignInboxItem($input: AssignInboxItemInput!) {\n    assignInboxItem(input: $input) {\n      id\n      status\n      assigneeId\n    }\n  }\n': typeof types.AssignInboxItemDocument;
  '\n  mutation ReplyToInboxItem($input: ReplyToInboxItemInput!) {\n    replyToInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.ReplyToInboxItemDocument;
  '\n  mutation DismissInboxItem($input: DismissInboxItemInput!) {\n    dismissInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.DismissInboxItemDocument;
  '\n  query Influencers($first: Int!, $after: String, $leaning: SentimentLeaning) {\n    mentionAuthors(first: $first, after: $after, leaning: $leaning) {\n      edges {\n        node {\n          id\n          handle\n          name\n          source\n          reach\n          mentions\n          score\n          leaning\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.InfluencersDocument;
  '\n  query ListeningQueries($first: Int!, $after: String) {\n    listeningQueries(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          kind\n          query\n          active\n          sources\n          competitorId\n          lastRunAt\n          sourceStates {\n            accountId\n            network\n            lastError\n            mentionsAdded\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.ListeningQueriesDocument;
  '\n  query ListeningFormChoices {\n    competitors(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    networks {\n      id\n      displayName\n      capabilities\n    }\n  }\n': typeof types.ListeningFormChoicesDocument;
  '\n  mutation CreateListeningQuery($input: CreateListeningQueryInput!) {\n    createListeningQuery(input: $input) {\n      id\n    }\n  }\n': typeof types.CreateListeningQueryDocument;
  '\n  query CheckListeningQuery($query: String!) {\n    checkListeningQuery(query: $query) {\n      valid\n      message\n      position\n    }\n  }\n': typeof types.CheckListeningQueryDocument;
  '\n  mutation UpdateListeningQuery($input: UpdateListeningQueryInput!) {\n    updateListeningQuery(input: $input) {\n      id\n    }\n  }\n': typeof types.UpdateListeningQueryDocument;
  '\n  mutation DeleteListeningQuery($input: ListeningQueryIdInput!) {\n    deleteListeningQuery(input: $input) {\n      id\n    }\n  }\n': typeof types.DeleteListeningQueryDocument;
  '\n  query MentionStream(\n    $first: Int!\n    $after: String\n    $source: String\n    $sentiment: SentimentLabel\n    $queryId: ID\n    $from: DateTime\n    $to: DateTime\n    $text: String\n  ) {\n    mentions(first: $first, after: $after, source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      edges {\n        node {\n          id\n          source\n          authorHandle\n          authorName\n          text\n          url\n          publishedAt\n          sentiment\n          reach\n          language\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mentionFacets(source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      total\n      sources {\n        value\n        label\n        count\n      }\n      sentiments {\n        value\n        label\n        count\n      }\n      queries {\n        value\n        label\n        count\n      }\n    }\n  }\n': typeof types.MentionStreamDocument;
  '\n  query CommunityOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n': typeof types.CommunityOrganizationDocument;
  '\n  query ContentItemPublications($itemId: ID!, $after: String) {\n    publications(itemId: $itemId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          status\n          dueAt\n          publishedAt\n          deletedAt\n          attempts\n          lastError\n          lastErrorKind\n          externalUrl\n          waitsFor\n          upload {\n            attachment\n            attachments\n            percent\n          }\n          attemptLog {\n            number\n            outcome\n            errorKind\n            message\n            startedAt\n          }\n        }\n      }\n    }\n  }\n': typeof types.ContentItemPublicationsDocument;
  '\n  mutation ContentRetryPublication($input: PublicationIdInput!) {\n    retryPublication(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.ContentRetryPublicationDocument;
  '\n  mutation ContentDeletePublishedPost($input: PublicationIdInput!) {\n    deletePublishedPost(input: $input) {\n      id\n      deletedAt\n    }\n  }\n': typeof types.ContentDeletePublishedPostDocument;
  '\n  mutation ContentUnscheduleItem($input: UnscheduleContentItemInput!) {\n    unscheduleContentItem(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.ContentUnscheduleItemDocument;
  '\n  mutation ContentCancelItem($input: CancelContentItemInput!) {\n    cancelContentItem(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.ContentCancelItemDocument;
  '\n  query ContentOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n': typeof types.ContentOrganizationDocument;
  '\n  query ContentCalendar($input: ContentCalendarInput!) {\n    contentCalendar(input: $input) {\n      truncated\n      entries {\n        at\n        itemId\n        itemStatus\n        title\n        network\n        networkAccountId\n        publicationId\n        publicationStatus\n        theme\n        campaign\n        externalUrl\n      }\n    }\n  }\n': typeof types.ContentCalendarDocument;
  '\n  mutation RescheduleContentItem($input: RescheduleContentItemInput!) {\n    rescheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n': typeof types.RescheduleContentItemDocument;
  '\n  mutation ScheduleContentItem($input: ScheduleContentItemInput!) {\n    scheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n': typeof types.ScheduleContentItemDocument;
  '\n  query ContentItems($first: Int!, $after: String, $status: ContentStatus, $source: ContentSource) {\n    contentItems(first: $first, after: $after, status: $status, source: $source) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          brief\n          theme\n          campaign\n          plannedFor\n          status\n          source\n          revision\n          triage\n          triageReason\n          createdAt\n          variants {\n            id\n            network\n          }\n        }\n      }\n    }\n  }\n': typeof types.ContentItemsDocument;
  '\n  query ContentItem($id: ID!) {\n    contentItem(id: $id) {\n      id\n      title\n      brief\n      theme\n      campaign\n      objectiveId\n      segmentId\n      plannedFor\n      status\n      source\n      revision\n      variants {\n        id\n        network\n        networkAccountId\n        text\n        linkUrl\n        mediaIds\n        options {\n          name\n          value\n        }\n        longForm\n        blocked\n        findings {\n          severity\n          rule\n          message\n          spans {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n': typeof types.ContentItemDocument;
  '\n  query ContentEditorChoices {\n    networks {\n      id\n      displayName\n      textMaxLength\n      textCounting\n      options {\n        name\n        type\n        label\n        description\n        values\n        maxLength\n        required\n      }\n    }\n    networkAccounts(first: 100) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          status\n        }\n      }\n    }\n    objectives(first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    audienceSegments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.ContentEditorChoicesDocument;
  '\n  mutation CreateContentItem($input: CreateContentItemInput!) {\n    createContentItem(input: $input) {\n      id\n    }\n  }\n': typeof types.CreateContentItemDocument;
  '\n  mutation UpdateContentItem($input: UpdateContentItemInput!) {\n    updateContentItem(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n': typeof types.UpdateContentItemDocument;
  '\n  mutation SetContentVariant($input: SetContentVariantInput!) {\n    setVariant(input: $input) {\n      id\n      longForm\n      blocked\n    }\n  }\n': typeof types.SetContentVariantDocument;
  '\n  mutation SubmitContentItem($input: ContentItemInput!) {\n    submitContentItem(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.SubmitContentItemDocument;
  '\n  query MediaAssets($first: Int!, $after: String) {\n    mediaAssets(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fileName\n          contentType\n          byteSize\n          width\n          height\n          downloadUrl\n          createdAt\n        }\n      }\n    }\n  }\n': typeof types.MediaAssetsDocument;
  '\n  mutation ApproveContentItem($input: ApproveContentItemInput!) {\n    approveContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n': typeof types.ApproveContentItemDocument;
  '\n  mutation RejectContentItem($input: RejectContentItemInput!) {\n    rejectContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n': typeof types.RejectContentItemDocument;
  '\n  mutation CreateApprovalLink($input: CreateApprovalLinkInput!) {\n    createApprovalLink(input: $input) {\n      id\n      url\n      emailed\n      recipientEmail\n      expiresAt\n      recipientName\n    }\n  }\n': typeof types.CreateApprovalLinkDocument;
  '\n  query CrisisPause {\n    crisisPause {\n      active\n      reason\n      pausedAt\n      resumedAt\n      held {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n      publishing {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n    }\n  }\n': typeof types.CrisisPauseDocument;
  '\n  mutation SetCrisisPause($input: SetCrisisPauseInput!) {\n    setCrisisPause(input: $input) {\n      active\n    }\n  }\n': typeof types.SetCrisisPauseDocument;
  '\n  mutation ResumeAfterCrisisPause($input: ResumeAfterCrisisPauseInput!) {\n    resumeAfterCrisisPause(input: $input) {\n      released {\n        id\n      }\n      crisisPause {\n        active\n      }\n    }\n  }\n': typeof types.ResumeAfterCrisisPauseDocument;
  '\n  mutation SuggestContentIdea($input: SuggestContentIdeaInput!) {\n    suggestContentIdea(input: $input) {\n      id\n    }\n  }\n': typeof types.SuggestContentIdeaDocument;
  '\n  mutation TriageContentIdea($input: TriageContentIdeaInput!) {\n    triageContentIdea(input: $input) {\n      id\n      triage\n    }\n  }\n': typeof types.TriageContentIdeaDocument;
  '\n  query EvaluationAssessment($id: ID!) {\n    assessment(id: $id) {\n      id\n      status\n      startedAt\n      assessedAt\n      answeredCount\n      questionCount\n      overallScore\n      previousOverallScore\n      model {\n        name\n        version\n      }\n      level {\n        number\n        name\n        description\n      }\n      dimensions {\n        key\n        title\n        description\n        score\n        criteria {\n          key\n          kind\n          title\n          question\n          answerValue\n          detail\n          evidenceKey\n          score\n          scale {\n            value\n            label\n            meaning\n          }\n        }\n      }\n      answers {\n        criterionKey\n        value\n        comment\n      }\n      evidence {\n        key\n        value\n        explanation\n        score\n      }\n      recommendations {\n        criterionKey\n        criterionTitle\n        dimensionTitle\n        gain\n        text\n        roadmapStep {\n          number\n          title\n        }\n      }\n      trend {\n        dimensionKey\n        delta\n      }\n    }\n  }\n': typeof types.EvaluationAssessmentDocument;
  '\n  mutation EvaluationAnswer($input: AnswerAssessmentCriterionInput!) {\n    answerAssessmentCriterion(input: $input) {\n      id\n      answeredCount\n    }\n  }\n': typeof types.EvaluationAnswerDocument;
  '\n  mutation EvaluationFinalize($input: FinalizeAssessmentInput!) {\n    finalizeAssessment(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.EvaluationFinalizeDocument;
  '\n  query EvaluationReportLink($input: AssessmentReportInput!) {\n    assessmentReportLink(input: $input) {\n      url\n      filename\n    }\n  }\n': typeof types.EvaluationReportLinkDocument;
  '\n  query EvaluationAssessments($first: Int!, $after: String) {\n    assessments(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          startedAt\n          assessedAt\n          overallScore\n          answeredCount\n          questionCount\n          level {\n            number\n            name\n          }\n          model {\n            id\n            name\n            version\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.EvaluationAssessmentsDocument;
  '\n  query EvaluationScoreHistory {\n    assessments(first: 100) {\n      edges {\n        node {\n          id\n          status\n          assessedAt\n          overallScore\n        }\n      }\n    }\n    maturityRadar(source: LIVE) {\n      at\n      overallScore\n      level\n      levelName\n    }\n  }\n': typeof types.EvaluationScoreHistoryDocument;
  '\n  query EvaluationModels {\n    maturityModels(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n        }\n      }\n    }\n  }\n': typeof types.EvaluationModelsDocument;
  '\n  mutation EvaluationStart($input: StartAssessmentInput!) {\n    startAssessment(input: $input) {\n      id\n    }\n  }\n': typeof types.EvaluationStartDocument;
  '\n  mutation EvaluationRecomputeLiveScore {\n    recomputeLiveScore {\n      computedAt\n      overallScore\n      measuredScore\n      level\n      measuredLevel\n      levelCapped\n      coverage {\n        evidence\n        assessment\n        unknown\n      }\n    }\n  }\n': typeof types.EvaluationRecomputeLiveScoreDocument;
  '\n  query EvaluationLiveHistory($organizationId: ID!, $from: DateTime!, $after: String) {\n    liveScoreHistory(organizationId: $organizationId, from: $from, first: 100, after: $after, granularity: DAY) {\n      edges {\n        node {\n          computedAt\n          overallScore\n          level\n          coverage {\n            evidence\n            assessment\n            unknown\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.EvaluationLiveHistoryDocument;
  '\n  query PoliciesList($first: Int!, $after: String) {\n    policies(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          language\n          status\n          updatedAt\n          latestVersion {\n            id\n            number\n            title\n          }\n          publishedVersion {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.PoliciesListDocument;
  '\n  query PoliciesToAcknowledge {\n    policiesToAcknowledge {\n      id\n      policyId\n      number\n      title\n      publishedAt\n    }\n  }\n': typeof types.PoliciesToAcknowledgeDocument;
  '\n  mutation PoliciesCreate($input: CreatePolicyInput!) {\n    createPolicy(input: $input) {\n      id\n    }\n  }\n': typeof types.PoliciesCreateDocument;
  '\n  mutation PoliciesAcknowledge($input: PolicyVersionInput!) {\n    acknowledgePolicyVersion(input: $input) {\n      versionId\n      acknowledgedAt\n    }\n  }\n': typeof types.PoliciesAcknowledgeDocument;
  '\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      kind\n      language\n      status\n      createdAt\n      latestVersion {\n        id\n        number\n        status\n      }\n      publishedVersion {\n        id\n        number\n      }\n    }\n  }\n': typeof types.PolicyDetailDocument;
  '\n  query PolicyVersionList($policyId: ID!, $first: Int!, $after: String) {\n    policyVersions(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          status\n          title\n          createdAt\n          submittedAt\n          approvedAt\n          publishedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.PolicyVersionListDocument;
  '\n  query PolicyVersionText($id: ID!) {\n    policyVersion(id: $id) {\n      id\n      number\n      status\n      title\n      editable\n      returnComment\n      sections {\n        key\n        title\n        body\n      }\n      review {\n        kind\n        verdict\n        comment\n      }\n    }\n  }\n': typeof types.PolicyVersionTextDocument;
  '\n  query PolicyHistoryList($policyId: ID!, $first: Int!, $after: String) {\n    policyHistory(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          action\n          actorType\n          comment\n          fromStatus\n          toStatus\n          occurredAt\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.PolicyHistoryListDocument;
  '\n  query PolicyAcknowledgementList($policyId: ID!, $first: Int!, $after: String) {\n    policyAcknowledgements(policyId: $policyId) {\n      acknowledgedCount\n      pendingCount\n      memberCount\n      share\n      version {\n        id\n        number\n      }\n      pending(first: $first, after: $after) {\n        edges {\n          node {\n            userId\n            displayName\n            joinedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n': typeof types.PolicyAcknowledgementListDocument;
  '\n  mutation PolicyUpdateDraft($input: UpdatePolicyDraftInput!) {\n    updatePolicyDraft(input: $input) {\n      id\n    }\n  }\n': typeof types.PolicyUpdateDraftDocument;
  '\n  mutation PolicySubmit($input: PolicyVersionInput!) {\n    submitPolicyForReview(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.PolicySubmitDocument;
  '\n  mutation PolicyApprove($input: ApprovePolicyVersionInput!) {\n    approvePolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.PolicyApproveDocument;
  '\n  mutation PolicyReturnToDraft($input: ReturnPolicyToDraftInput!) {\n    returnPolicyToDraft(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.PolicyReturnToDraftDocument;
  '\n  mutation PolicyPublish($input: PolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.PolicyPublishDocument;
  '\n  mutation PolicyStartRevision($input: StartPolicyRevisionInput!) {\n    startPolicyRevision(input: $input) {\n      id\n    }\n  }\n': typeof types.PolicyStartRevisionDocument;
  '\n  query PoliciesCommentRules {\n    commentHandlingRules {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n': typeof types.PoliciesCommentRulesDocument;
  '\n  mutation PoliciesSetCommentRules($input: SetCommentHandlingRulesInput!) {\n    setCommentHandlingRules(input: $input) {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n': typeof types.PoliciesSetCommentRulesDocument;
  '\n  query PoliciesContentRules {\n    contentRules {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n': typeof types.PoliciesContentRulesDocument;
  '\n  mutation PoliciesSetContentRules($input: SetContentRulesInput!) {\n    setContentRules(input: $input) {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n': typeof types.PoliciesSetContentRulesDocument;
  '\n  query PoliciesRuleNetworks {\n    networks {\n      id\n      displayName\n    }\n  }\n': typeof types.PoliciesRuleNetworksDocument;
  '\n  fragment PressRoomFields on PressRoom {\n    id\n    slug\n    title\n    description\n    enabled\n    language\n    blogDigest\n    url\n    customDomain {\n      id\n      host\n      status\n      recordName\n      recordValue\n      claimedAt\n      verifiedAt\n      checkedAt\n      checkError\n    }\n    contacts {\n      id\n      name\n      role\n      email\n      phone\n    }\n    mediaKit {\n      id\n      mediaAssetId\n      caption\n      credit\n      publicUrl\n    }\n    updatedAt\n  }\n': typeof types.PressRoomFieldsFragmentDoc;
  '\n  query PressRoomPage {\n    organization {\n      id\n      name\n      timezone\n      myRoles\n    }\n    pressRoom {\n      ...PressRoomFields\n    }\n  }\n': typeof types.PressRoomPageDocument;
  '\n  mutation UpdatePressRoom($input: UpdatePressRoomInput!) {\n    updatePressRoom(input: $input) {\n      ...PressRoomFields\n    }\n  }\n': typeof types.UpdatePressRoomDocument;
  '\n  mutation VerifyPressRoomDomain($input: VerifyPressRoomDomainInput!) {\n    verifyPressRoomDomain(input: $input) {\n      ...PressRoomFields\n    }\n  }\n': typeof types.VerifyPressRoomDomainDocument;
  '\n  query PressMediaAsset($id: ID!) {\n    mediaAsset(id: $id) {\n      id\n      fileName\n      contentType\n      width\n      height\n    }\n  }\n': typeof types.PressMediaAssetDocument;
  '\n  query PressReleases($first: Int, $after: String, $status: PressReleaseStatus) {\n    pressReleases(first: $first, after: $after, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          itemId\n          slug\n          title\n          summary\n          publishAt\n          withdrawnAt\n          status\n          isPublic\n          url\n          newsletterSentAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.PressReleasesDocument;
  '\n  query PressReleaseCandidates {\n    approved: contentItems(first: 100, status: APPROVED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    scheduled: contentItems(first: 100, status: SCHEDULED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    published: contentItems(first: 100, status: PUBLISHED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n  }\n': typeof types.PressReleaseCandidatesDocument;
  '\n  mutation PublishPressRelease($input: PublishPressReleaseInput!) {\n    publishPressRelease(input: $input) {\n      id\n      slug\n      title\n      status\n      url\n    }\n  }\n': typeof types.PublishPressReleaseDocument;
  '\n  mutation WithdrawPressRelease($input: WithdrawPressReleaseInput!) {\n    withdrawPressRelease(input: $input) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n': typeof types.WithdrawPressReleaseDocument;
  '\n  query NewsletterSubscribers($first: Int, $after: String, $state: NewsletterSubscriberState) {\n    newsletterSubscriberCounts {\n      pending\n      confirmed\n      unsubscribed\n    }\n    newsletterSubscribers(first: $first, after: $after, state: $state) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          state\n          lists\n          createdAt\n          confirmedAt\n          unsubscribedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.NewsletterSubscribersDocument;
  '\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n      status\n      deletionRequestedAt\n      myRoles\n    }\n  }\n': typeof types.OrganizationSettingsDocument;
  '\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n    }\n  }\n': typeof types.UpdateOrganizationSettingsDocument;
  '\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      id\n      status\n      deletionRequestedAt\n    }\n  }\n': typeof types.DeleteOrganizationDocument;
  '\n  query PendingDeletions {\n    organizations(first: 100, filter: { status: DELETION_PENDING }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n': typeof types.PendingDeletionsDocument;
  '\n  query StrategyDocumentVersions($first: Int, $after: String) {\n    strategyDocumentVersions(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          note\n          createdAt\n          submittedAt\n          approvedAt\n          approverName\n          approvalComment\n          returnedAt\n          returnComment\n          markdown\n        }\n      }\n    }\n  }\n': typeof types.StrategyDocumentVersionsDocument;
  '\n  mutation StrategyCreateDocumentVersion($input: CreateStrategyDocumentVersionInput!) {\n    createStrategyDocumentVersion(input: $input) {\n      id\n      number\n    }\n  }\n': typeof types.StrategyCreateDocumentVersionDocument;
  '\n  mutation StrategySubmitDocumentVersion($input: StrategyDocumentVersionInput!) {\n    submitStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.StrategySubmitDocumentVersionDocument;
  '\n  mutation StrategyApproveDocumentVersion($input: ApproveStrategyDocumentVersionInput!) {\n    approveStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.StrategyApproveDocumentVersionDocument;
  '\n  mutation StrategyReturnDocumentVersion($input: ReturnStrategyDocumentVersionInput!) {\n    returnStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.StrategyReturnDocumentVersionDocument;
  '\n  mutation StrategyDeleteDocumentVersion($input: StrategyDocumentVersionInput!) {\n    deleteStrategyDocumentVersion(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyDeleteDocumentVersionDocument;
  '\n  mutation StrategyImportKpiValues($input: ImportKpiValuesInput!) {\n    importKpiValues(input: $input) {\n      importId\n      imported\n    }\n  }\n': typeof types.StrategyImportKpiValuesDocument;
  '\n  mutation StrategySetRoadmapStepStatus($input: SetRoadmapStepStatusInput!) {\n    setRoadmapStepStatus(input: $input) {\n      key\n      status\n      note\n    }\n  }\n': typeof types.StrategySetRoadmapStepStatusDocument;
  '\n  query StrategyTaskForceMembers($first: Int, $after: String) {\n    taskForceMembers(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          role\n          roleLabel\n          department\n          external\n          externalContact\n        }\n      }\n    }\n  }\n': typeof types.StrategyTaskForceMembersDocument;
  '\n  query StrategyTaskForceChoices {\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n            email\n          }\n        }\n      }\n    }\n  }\n': typeof types.StrategyTaskForceChoicesDocument;
  '\n  mutation StrategyAddTaskForceMember($input: AddTaskForceMemberInput!) {\n    addTaskForceMember(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyAddTaskForceMemberDocument;
  '\n  mutation StrategyRemoveTaskForceMember($input: RemoveTaskForceMemberInput!) {\n    removeTaskForceMember(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyRemoveTaskForceMemberDocument;
  '\n  query StrategyRituals($first: Int, $after: String) {\n    rituals(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          cadence\n          weekday\n          dayOfMonth\n          time\n          timezone\n          nextOccurrence\n        }\n      }\n    }\n  }\n': typeof types.StrategyRitualsDocument;
  '\n  mutation StrategyCreateRitual($input: CreateRitualInput!) {\n    createRitual(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyCreateRitualDocument;
  '\n  mutation StrategyUpdateRitual($input: UpdateRitualInput!) {\n    updateRitual(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyUpdateRitualDocument;
  '\n  mutation StrategyDeleteRitual($input: DeleteRitualInput!) {\n    deleteRitual(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyDeleteRitualDocument;
  '\n  mutation StrategyCreateAudienceSegment($input: CreateAudienceSegmentInput!) {\n    createAudienceSegment(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyCreateAudienceSegmentDocument;
  '\n  mutation StrategyUpdateAudienceSegment($input: UpdateAudienceSegmentInput!) {\n    updateAudienceSegment(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyUpdateAudienceSegmentDocument;
  '\n  mutation StrategyDeleteAudienceSegment($input: DeleteAudienceSegmentInput!) {\n    deleteAudienceSegment(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyDeleteAudienceSegmentDocument;
  '\n  mutation StrategyCreateNetworkPlan($input: CreateNetworkPlanInput!) {\n    createNetworkPlan(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyCreateNetworkPlanDocument;
  '\n  mutation StrategyUpdateNetworkPlan($input: UpdateNetworkPlanInput!) {\n    updateNetworkPlan(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyUpdateNetworkPlanDocument;
  '\n  mutation StrategyDeleteNetworkPlan($input: DeleteNetworkPlanInput!) {\n    deleteNetworkPlan(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyDeleteNetworkPlanDocument;
  '\n  mutation StrategyCreateCompetitor($input: CreateCompetitorInput!) {\n    createCompetitor(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyCreateCompetitorDocument;
  '\n  mutation StrategyUpdateCompetitor($input: UpdateCompetitorInput!) {\n    updateCompetitor(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyUpdateCompetitorDocument;
  '\n  mutation StrategyDeleteCompetitor($input: DeleteCompetitorInput!) {\n    deleteCompetitor(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyDeleteCompetitorDocument;
  '\n  mutation StrategySetBrandVoice($input: SetBrandVoiceInput!) {\n    setBrandVoice(input: $input) {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n': typeof types.StrategySetBrandVoiceDocument;
  '\n  query StrategyNetworkChoices {\n    networks {\n      id\n      displayName\n    }\n  }\n': typeof types.StrategyNetworkChoicesDocument;
  '\n  query StrategyPlanChoices {\n    networks {\n      id\n      displayName\n    }\n    audienceSegments(first: 100) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.StrategyPlanChoicesDocument;
  '\n  query StrategyRoadmap {\n    roadmap {\n      doneCount\n      progress\n      steps {\n        number\n        key\n        title\n        description\n        status\n        manual\n        note\n        updatedAt\n        evidence {\n          key\n          explanation\n          measured\n          score\n        }\n      }\n    }\n  }\n': typeof types.StrategyRoadmapDocument;
  '\n  query StrategyObjectives($first: Int, $after: String) {\n    objectives(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          description\n          metric\n          baseline\n          target\n          unit\n          deadline\n          createdAt\n          kpis {\n            id\n            objectiveId\n            name\n            metric\n            measure\n            frequency\n            target\n            unit\n          }\n        }\n      }\n    }\n  }\n': typeof types.StrategyObjectivesDocument;
  '\n  mutation StrategyCreateObjective($input: CreateObjectiveInput!) {\n    createObjective(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyCreateObjectiveDocument;
  '\n  mutation StrategyUpdateObjective($input: UpdateObjectiveInput!) {\n    updateObjective(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyUpdateObjectiveDocument;
  '\n  mutation StrategyCreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyCreateKpiDocument;
  '\n  mutation StrategyUpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyUpdateKpiDocument;
  '\n  mutation StrategyRecordKpiValue($input: RecordKpiValueInput!) {\n    recordKpiValue(input: $input) {\n      id\n    }\n  }\n': typeof types.StrategyRecordKpiValueDocument;
  '\n  query StrategyKpiProgress($kpiId: ID!, $from: DateTime!, $to: DateTime!) {\n    kpiProgress(kpiId: $kpiId, from: $from, to: $to) {\n      kpiId\n      status\n      reason\n      target\n      baseline\n      periods {\n        start\n        end\n        value\n        target\n        progress\n        onTrack\n        origin\n      }\n    }\n  }\n': typeof types.StrategyKpiProgressDocument;
  '\n  query StrategyKpiValues($kpiId: ID!, $first: Int, $after: String) {\n    kpiValues(kpiId: $kpiId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          value\n          note\n          source\n          current\n          createdAt\n        }\n      }\n    }\n  }\n': typeof types.StrategyKpiValuesDocument;
  '\n  query StrategyAudienceSegments($first: Int, $after: String) {\n    audienceSegments(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          needs\n          usages\n        }\n      }\n    }\n  }\n': typeof types.StrategyAudienceSegmentsDocument;
  '\n  query StrategyNetworkPlans($first: Int, $after: String) {\n    networkPlans(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          postsPerWeek\n          rationale\n          reservedHandle\n          segments {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.StrategyNetworkPlansDocument;
  '\n  query StrategyCompetitors($first: Int, $after: String) {\n    competitors(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          notes\n          handles {\n            network\n            handle\n          }\n        }\n      }\n    }\n  }\n': typeof types.StrategyCompetitorsDocument;
  '\n  query StrategyBrandVoice {\n    brandVoice {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n': typeof types.StrategyBrandVoiceDocument;
  '\n  query StrategyTaskForce {\n    taskForcePeople {\n      name\n      department\n      userId\n      memberIds\n      roles\n      roleLabels\n    }\n    nextWeeklyMeeting {\n      ritualId\n      localDate\n      time\n      timezone\n      startsAt\n      endsAt\n      durationMinutes\n      isoWeek\n      brainstormTheme\n      agenda {\n        kind\n        title\n        name\n        roles\n        theme\n        startsAt\n        endsAt\n        startOffsetMinutes\n        endOffsetMinutes\n      }\n    }\n  }\n': typeof types.StrategyTaskForceDocument;
  '\n  query StrategyDocumentView {\n    strategyDocument {\n      organizationName\n      language\n      generatedAt\n      markdown\n    }\n    approvedStrategy {\n      changedSinceApproval\n      version {\n        id\n        number\n        approvedAt\n        approverName\n        approvalComment\n        markdown\n      }\n    }\n  }\n': typeof types.StrategyDocumentViewDocument;
  '\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      description\n    }\n  }\n': typeof types.WebhookEventTypesDocument;
  '\n  query AgencyWebhookEndpoints($first: Int, $after: String) {\n    agencyWebhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AgencyWebhookEndpointsDocument;
  '\n  query OrganizationWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.OrganizationWebhookEndpointsDocument;
  '\n  query AgencyWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    agencyWebhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AgencyWebhookDeliveriesDocument;
  '\n  query OrganizationWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.OrganizationWebhookDeliveriesDocument;
  '\n  mutation CreateAgencyWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createAgencyWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n': typeof types.CreateAgencyWebhookEndpointDocument;
  '\n  mutation CreateOrganizationWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n': typeof types.CreateOrganizationWebhookEndpointDocument;
  '\n  mutation UpdateAgencyWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateAgencyWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n': typeof types.UpdateAgencyWebhookEndpointDocument;
  '\n  mutation UpdateOrganizationWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n': typeof types.UpdateOrganizationWebhookEndpointDocument;
  '\n  mutation RotateAgencyWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateAgencyWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n': typeof types.RotateAgencyWebhookSecretDocument;
  '\n  mutation RotateOrganizationWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n': typeof types.RotateOrganizationWebhookSecretDocument;
  '\n  mutation SendAgencyTestWebhook($input: WebhookEndpointIdInput!) {\n    sendAgencyTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n': typeof types.SendAgencyTestWebhookDocument;
  '\n  mutation SendOrganizationTestWebhook($input: WebhookEndpointIdInput!) {\n    sendTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n': typeof types.SendOrganizationTestWebhookDocument;
  '\n  mutation DeleteAgencyWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteAgencyWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n': typeof types.DeleteAgencyWebhookEndpointDocument;
  '\n  mutation DeleteOrganizationWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n': typeof types.DeleteOrganizationWebhookEndpointDocument;
  '\n  mutation ReplayAgencyWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayAgencyWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n': typeof types.ReplayAgencyWebhookDeliveryDocument;
  '\n  mutation ReplayOrganizationWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n': typeof types.ReplayOrganizationWebhookDeliveryDocument;
};
const documents: Documents = {
  '\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n':
    types.CreateOrganizationDocument,
  '\n  mutation LogOut {\n    logOut\n  }\n': types.LogOutDocument,
  '\n  query CheckContent($input: CheckContentInput!) {\n    checkContent(input: $input) {\n      blocked\n      violations {\n        start\n        end\n        kind\n        message\n        ruleId\n        severity\n      }\n    }\n  }\n':
    types.CheckContentDocument,
  '\n  query Workspace {\n    me {\n      user {\n        id\n        displayName\n        email\n        locale\n      }\n      agencies {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      organizations {\n        roles\n        organization {\n          id\n          name\n          timezone\n        }\n      }\n    }\n  }\n':
    types.WorkspaceDocument,
  '\n  query AgencyOrganizations {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          locale\n        }\n      }\n    }\n  }\n':
    types.AgencyOrganizationsDocument,
  '\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      newAccount\n      userId\n      session {\n        accessToken\n        refreshToken\n        expiresIn\n        userId\n      }\n    }\n  }\n':
    types.AcceptInvitationDocument,
  '\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n':
    types.LogInDocument,
  '\n  query OrganizationOverview {\n    organization {\n      id\n      name\n      timezone\n      createdAt\n    }\n    maturityRadar {\n      source\n      at\n      overallScore\n      levelName\n      axes {\n        dimensionKey\n        title\n        score\n      }\n    }\n  }\n':
    types.OrganizationOverviewDocument,
  '\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n':
    types.RequestPasswordResetDocument,
  '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n': types.ResetPasswordDocument,
  '\n  query Portfolio {\n    portfolio(first: 100, sort: { field: SCORE, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          organizationId\n          name\n          trend\n          lastAssessment {\n            score\n            level\n            levelName\n            finalizedAt\n          }\n          weakestDimension {\n            key\n            title\n            score\n          }\n        }\n      }\n    }\n  }\n':
    types.PortfolioDocument,
  '\n  query MaturityComparison($organizationId: ID!) {\n    maturityComparison(organizationId: $organizationId) {\n      organizationCount\n      overall {\n        score\n        agencyAverage\n      }\n      dimensions {\n        dimensionKey\n        title\n        score\n        agencyAverage\n      }\n    }\n  }\n':
    types.MaturityComparisonDocument,
  '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n':
    types.SignUpDocument,
  '\n  query NetworkAccounts($first: Int!, $after: String) {\n    networkAccounts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          serviceUrl\n          status\n          lastError\n          lastCheckedAt\n          rateLimitedUntil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    networks {\n      id\n      displayName\n      authKind\n      defaultServiceUrl\n    }\n  }\n':
    types.NetworkAccountsDocument,
  '\n  mutation ConnectNetworkAccount($input: ConnectNetworkAccountInput!) {\n    connectNetworkAccount(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.ConnectNetworkAccountDocument,
  '\n  mutation StartNetworkOAuth($input: StartNetworkOAuthInput!) {\n    startNetworkOAuth(input: $input) {\n      authorizationUrl\n    }\n  }\n':
    types.StartNetworkOAuthDocument,
  '\n  query NetworkAccountChoice($id: ID!) {\n    networkAccountChoice(id: $id) {\n      id\n      network\n      expiresAt\n      targets {\n        id\n        kind\n        name\n        handle\n        url\n      }\n    }\n  }\n':
    types.NetworkAccountChoiceDocument,
  '\n  mutation ChooseNetworkAccountTarget($input: ChooseNetworkAccountTargetInput!) {\n    chooseNetworkAccountTarget(input: $input) {\n      id\n      handle\n      status\n    }\n  }\n':
    types.ChooseNetworkAccountTargetDocument,
  '\n  mutation CheckNetworkAccount($input: CheckNetworkAccountInput!) {\n    checkNetworkAccount(input: $input) {\n      id\n      status\n      lastError\n      lastCheckedAt\n    }\n  }\n':
    types.CheckNetworkAccountDocument,
  '\n  mutation DisconnectNetworkAccount($input: DisconnectNetworkAccountInput!) {\n    disconnectNetworkAccount(input: $input) {\n      id\n    }\n  }\n':
    types.DisconnectNetworkAccountDocument,
  '\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          displayPrefix\n          scopes\n          organizationId\n          createdAt\n          expiresAt\n          revokedAt\n          lastUsedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.ApiKeysDocument,
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        displayPrefix\n      }\n    }\n  }\n':
    types.CreateApiKeyDocument,
  '\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n':
    types.RevokeApiKeyDocument,
  '\n  query AgencyMembers($first: Int, $after: String) {\n    agencyMembers(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          role\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AgencyMembersDocument,
  '\n  mutation InviteAgencyMember($input: InviteAgencyMemberInput!) {\n    inviteAgencyMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n':
    types.InviteAgencyMemberDocument,
  '\n  query AgencyInvitations($first: Int, $after: String) {\n    agencyInvitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          agencyRole\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AgencyInvitationsDocument,
  '\n  mutation ResendAgencyInvitation($input: ResendInvitationInput!) {\n    resendAgencyInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n':
    types.ResendAgencyInvitationDocument,
  '\n  mutation RevokeAgencyInvitation($input: RevokeInvitationInput!) {\n    revokeAgencyInvitation(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.RevokeAgencyInvitationDocument,
  '\n  mutation ChangeAgencyMemberRole($input: ChangeAgencyMemberRoleInput!) {\n    changeAgencyMemberRole(input: $input) {\n      userId\n      role\n    }\n  }\n':
    types.ChangeAgencyMemberRoleDocument,
  '\n  mutation RemoveAgencyMember($input: RemoveMemberInput!) {\n    removeAgencyMember(input: $input) {\n      userId\n    }\n  }\n':
    types.RemoveAgencyMemberDocument,
  '\n  query OrganizationMembers($first: Int, $after: String) {\n    organization {\n      id\n      myRoles\n    }\n    members(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          roles\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.OrganizationMembersDocument,
  '\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n':
    types.InviteMemberDocument,
  '\n  query OrganizationInvitations($first: Int, $after: String) {\n    invitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          roles\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.OrganizationInvitationsDocument,
  '\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n':
    types.ResendInvitationDocument,
  '\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.RevokeInvitationDocument,
  '\n  mutation ChangeMemberRoles($input: ChangeMemberRolesInput!) {\n    changeMemberRoles(input: $input) {\n      userId\n      roles\n    }\n  }\n':
    types.ChangeMemberRolesDocument,
  '\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      userId\n    }\n  }\n':
    types.RemoveMemberDocument,
  '\n  query MaturityModels($first: Int, $after: String) {\n    maturityModels(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n          draftVersion\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.MaturityModelsDocument,
  '\n  query MaturityModel($id: ID!) {\n    maturityModel(id: $id) {\n      id\n      name\n      builtIn\n      latestPublishedVersion\n      draftVersion\n      versions {\n        version\n        status\n        createdAt\n        publishedAt\n        content\n      }\n    }\n  }\n':
    types.MaturityModelDocument,
  '\n  query ExportMaturityModel($modelId: ID!, $version: Int) {\n    exportMaturityModel(modelId: $modelId, version: $version)\n  }\n':
    types.ExportMaturityModelDocument,
  '\n  mutation CreateMaturityModel($input: CreateMaturityModelInput!) {\n    createMaturityModel(input: $input) {\n      id\n    }\n  }\n':
    types.CreateMaturityModelDocument,
  '\n  mutation ImportMaturityModel($input: ImportMaturityModelInput!) {\n    importMaturityModel(input: $input) {\n      id\n    }\n  }\n':
    types.ImportMaturityModelDocument,
  '\n  mutation UpdateMaturityModelDraft($input: UpdateMaturityModelDraftInput!) {\n    updateMaturityModelDraft(input: $input) {\n      version\n      status\n    }\n  }\n':
    types.UpdateMaturityModelDraftDocument,
  '\n  mutation PublishMaturityModelVersion($input: PublishMaturityModelVersionInput!) {\n    publishMaturityModelVersion(input: $input) {\n      version\n      status\n    }\n  }\n':
    types.PublishMaturityModelVersionDocument,
  '\n  mutation UpdateMyLocale($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      locale\n    }\n  }\n':
    types.UpdateMyLocaleDocument,
  '\n  query CommunityCharts($from: DateTime!, $to: DateTime!, $interval: VolumeInterval!) {\n    mentionVolume(interval: $interval, from: $from, to: $to) {\n      timeZone\n      buckets {\n        date\n        total\n        positive\n        neutral\n        negative\n        averageSentiment\n      }\n    }\n    shareOfVoice(from: $from, to: $to) {\n      total\n      sides {\n        kind\n        competitorId\n        name\n        mentions\n        share\n      }\n    }\n  }\n':
    types.CommunityChartsDocument,
  '\n  query InboxItems($first: Int!, $after: String, $status: InboxStatus, $severity: CommentSeverity, $overdue: Boolean) {\n    inboxItems(first: $first, after: $after, status: $status, severity: $severity, overdue: $overdue) {\n      edges {\n        node {\n          id\n          kind\n          source\n          authorHandle\n          authorName\n          text\n          url\n          receivedAt\n          severity\n          severityReason\n          status\n          dueAt\n          overdue\n          responsibleRole\n          assigneeId\n          version\n          replies {\n            id\n            text\n            status\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n          }\n        }\n      }\n    }\n  }\n':
    types.InboxItemsDocument,
  '\n  query InboxReplyTemplates($network: String, $severity: CommentSeverity) {\n    replyTemplates(network: $network, severity: $severity) {\n      channel\n      language\n      severity\n      text\n    }\n  }\n':
    types.InboxReplyTemplatesDocument,
  '\n  mutation AssignInboxItem($input: AssignInboxItemInput!) {\n    assignInboxItem(input: $input) {\n      id\n      status\n      assigneeId\n    }\n  }\n':
    types.AssignInboxItemDocument,
  '\n  mutation ReplyToInboxItem($input: ReplyToInboxItemInput!) {\n    replyToInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.ReplyToInboxItemDocument,
  '\n  mutation DismissInboxItem($input: DismissInboxItemInput!) {\n    dismissInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.DismissInboxItemDocument,
  '\n  query Influencers($first: Int!, $after: String, $leaning: SentimentLeaning) {\n    mentionAuthors(first: $first, after: $after, leaning: $leaning) {\n      edges {\n        node {\n          id\n          handle\n          name\n          source\n          reach\n          mentions\n          score\n          leaning\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.InfluencersDocument,
  '\n  query ListeningQueries($first: Int!, $after: String) {\n    listeningQueries(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          kind\n          query\n          active\n          sources\n          competitorId\n          lastRunAt\n          sourceStates {\n            accountId\n            network\n            lastError\n            mentionsAdded\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.ListeningQueriesDocument,
  '\n  query ListeningFormChoices {\n    competitors(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    networks {\n      id\n      displayName\n      capabilities\n    }\n  }\n':
    types.ListeningFormChoicesDocument,
  '\n  mutation CreateListeningQuery($input: CreateListeningQueryInput!) {\n    createListeningQuery(input: $input) {\n      id\n    }\n  }\n':
    types.CreateListeningQueryDocument,
  '\n  query CheckListeningQuery($query: String!) {\n    checkListeningQuery(query: $query) {\n      valid\n      message\n      position\n    }\n  }\n':
    types.CheckListeningQueryDocument,
  '\n  mutation UpdateListeningQuery($input: UpdateListeningQueryInput!) {\n    updateListeningQuery(input: $input) {\n      id\n    }\n  }\n':
    types.UpdateListeningQueryDocument,
  '\n  mutation DeleteListeningQuery($input: ListeningQueryIdInput!) {\n    deleteListeningQuery(input: $input) {\n      id\n    }\n  }\n':
    types.DeleteListeningQueryDocument,
  '\n  query MentionStream(\n    $first: Int!\n    $after: String\n    $source: String\n    $sentiment: SentimentLabel\n    $queryId: ID\n    $from: DateTime\n    $to: DateTime\n    $text: String\n  ) {\n    mentions(first: $first, after: $after, source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      edges {\n        node {\n          id\n          source\n          authorHandle\n          authorName\n          text\n          url\n          publishedAt\n          sentiment\n          reach\n          language\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mentionFacets(source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      total\n      sources {\n        value\n        label\n        count\n      }\n      sentiments {\n        value\n        label\n        count\n      }\n      queries {\n        value\n        label\n        count\n      }\n    }\n  }\n':
    types.MentionStreamDocument,
  '\n  query CommunityOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n':
    types.CommunityOrganizationDocument,
  '\n  query ContentItemPublications($itemId: ID!, $after: String) {\n    publications(itemId: $itemId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          status\n          dueAt\n          publishedAt\n          deletedAt\n          attempts\n          lastError\n          lastErrorKind\n          externalUrl\n          waitsFor\n          upload {\n            attachment\n            attachments\n            percent\n          }\n          attemptLog {\n            number\n            outcome\n            errorKind\n            message\n            startedAt\n          }\n        }\n      }\n    }\n  }\n':
    types.ContentItemPublicationsDocument,
  '\n  mutation ContentRetryPublication($input: PublicationIdInput!) {\n    retryPublication(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.ContentRetryPublicationDocument,
  '\n  mutation ContentDeletePublishedPost($input: PublicationIdInput!) {\n    deletePublishedPost(input: $input) {\n      id\n      deletedAt\n    }\n  }\n':
    types.ContentDeletePublishedPostDocument,
  '\n  mutation ContentUnscheduleItem($input: UnscheduleContentItemInput!) {\n    unscheduleContentItem(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.ContentUnscheduleItemDocument,
  '\n  mutation ContentCancelItem($input: CancelContentItemInput!) {\n    cancelContentItem(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.ContentCancelItemDocument,
  '\n  query ContentOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n':
    types.ContentOrganizationDocument,
  '\n  query ContentCalendar($input: ContentCalendarInput!) {\n    contentCalendar(input: $input) {\n      truncated\n      entries {\n        at\n        itemId\n        itemStatus\n        title\n        network\n        networkAccountId\n        publicationId\n        publicationStatus\n        theme\n        campaign\n        externalUrl\n      }\n    }\n  }\n':
    types.ContentCalendarDocument,
  '\n  mutation RescheduleContentItem($input: RescheduleContentItemInput!) {\n    rescheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n':
    types.RescheduleContentItemDocument,
  '\n  mutation ScheduleContentItem($input: ScheduleContentItemInput!) {\n    scheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n':
    types.ScheduleContentItemDocument,
  '\n  query ContentItems($first: Int!, $after: String, $status: ContentStatus, $source: ContentSource) {\n    contentItems(first: $first, after: $after, status: $status, source: $source) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          brief\n          theme\n          campaign\n          plannedFor\n          status\n          source\n          revision\n          triage\n          triageReason\n          createdAt\n          variants {\n            id\n            network\n          }\n        }\n      }\n    }\n  }\n':
    types.ContentItemsDocument,
  '\n  query ContentItem($id: ID!) {\n    contentItem(id: $id) {\n      id\n      title\n      brief\n      theme\n      campaign\n      objectiveId\n      segmentId\n      plannedFor\n      status\n      source\n      revision\n      variants {\n        id\n        network\n        networkAccountId\n        text\n        linkUrl\n        mediaIds\n        options {\n          name\n          value\n        }\n        longForm\n        blocked\n        findings {\n          severity\n          rule\n          message\n          spans {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n':
    types.ContentItemDocument,
  '\n  query ContentEditorChoices {\n    networks {\n      id\n      displayName\n      textMaxLength\n      textCounting\n      options {\n        name\n        type\n        label\n        description\n        values\n        maxLength\n        required\n      }\n    }\n    networkAccounts(first: 100) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          status\n        }\n      }\n    }\n    objectives(first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    audienceSegments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.ContentEditorChoicesDocument,
  '\n  mutation CreateContentItem($input: CreateContentItemInput!) {\n    createContentItem(input: $input) {\n      id\n    }\n  }\n':
    types.CreateContentItemDocument,
  '\n  mutation UpdateContentItem($input: UpdateContentItemInput!) {\n    updateContentItem(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n':
    types.UpdateContentItemDocument,
  '\n  mutation SetContentVariant($input: SetContentVariantInput!) {\n    setVariant(input: $input) {\n      id\n      longForm\n      blocked\n    }\n  }\n':
    types.SetContentVariantDocument,
  '\n  mutation SubmitContentItem($input: ContentItemInput!) {\n    submitContentItem(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.SubmitContentItemDocument,
  '\n  query MediaAssets($first: Int!, $after: String) {\n    mediaAssets(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fileName\n          contentType\n          byteSize\n          width\n          height\n          downloadUrl\n          createdAt\n        }\n      }\n    }\n  }\n':
    types.MediaAssetsDocument,
  '\n  mutation ApproveContentItem($input: ApproveContentItemInput!) {\n    approveContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n':
    types.ApproveContentItemDocument,
  '\n  mutation RejectContentItem($input: RejectContentItemInput!) {\n    rejectContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n':
    types.RejectContentItemDocument,
  '\n  mutation CreateApprovalLink($input: CreateApprovalLinkInput!) {\n    createApprovalLink(input: $input) {\n      id\n      url\n      emailed\n      recipientEmail\n      expiresAt\n      recipientName\n    }\n  }\n':
    types.CreateApprovalLinkDocument,
  '\n  query CrisisPause {\n    crisisPause {\n      active\n      reason\n      pausedAt\n      resumedAt\n      held {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n      publishing {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n    }\n  }\n':
    types.CrisisPauseDocument,
  '\n  mutation SetCrisisPause($input: SetCrisisPauseInput!) {\n    setCrisisPause(input: $input) {\n      active\n    }\n  }\n':
    types.SetCrisisPauseDocument,
  '\n  mutation ResumeAfterCrisisPause($input: ResumeAfterCrisisPauseInput!) {\n    resumeAfterCrisisPause(input: $input) {\n      released {\n        id\n      }\n      crisisPause {\n        active\n      }\n    }\n  }\n':
    types.ResumeAfterCrisisPauseDocument,
  '\n  mutation SuggestContentIdea($input: SuggestContentIdeaInput!) {\n    suggestContentIdea(input: $input) {\n      id\n    }\n  }\n':
    types.SuggestContentIdeaDocument,
  '\n  mutation TriageContentIdea($input: TriageContentIdeaInput!) {\n    triageContentIdea(input: $input) {\n      id\n      triage\n    }\n  }\n':
    types.TriageContentIdeaDocument,
  '\n  query EvaluationAssessment($id: ID!) {\n    assessment(id: $id) {\n      id\n      status\n      startedAt\n      assessedAt\n      answeredCount\n      questionCount\n      overallScore\n      previousOverallScore\n      model {\n        name\n        version\n      }\n      level {\n        number\n        name\n        description\n      }\n      dimensions {\n        key\n        title\n        description\n        score\n        criteria {\n          key\n          kind\n          title\n          question\n          answerValue\n          detail\n          evidenceKey\n          score\n          scale {\n            value\n            label\n            meaning\n          }\n        }\n      }\n      answers {\n        criterionKey\n        value\n        comment\n      }\n      evidence {\n        key\n        value\n        explanation\n        score\n      }\n      recommendations {\n        criterionKey\n        criterionTitle\n        dimensionTitle\n        gain\n        text\n        roadmapStep {\n          number\n          title\n        }\n      }\n      trend {\n        dimensionKey\n        delta\n      }\n    }\n  }\n':
    types.EvaluationAssessmentDocument,
  '\n  mutation EvaluationAnswer($input: AnswerAssessmentCriterionInput!) {\n    answerAssessmentCriterion(input: $input) {\n      id\n      answeredCount\n    }\n  }\n':
    types.EvaluationAnswerDocument,
  '\n  mutation EvaluationFinalize($input: FinalizeAssessmentInput!) {\n    finalizeAssessment(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.EvaluationFinalizeDocument,
  '\n  query EvaluationReportLink($input: AssessmentReportInput!) {\n    assessmentReportLink(input: $input) {\n      url\n      filename\n    }\n  }\n':
    types.EvaluationReportLinkDocument,
  '\n  query EvaluationAssessments($first: Int!, $after: String) {\n    assessments(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          startedAt\n          assessedAt\n          overallScore\n          answeredCount\n          questionCount\n          level {\n            number\n            name\n          }\n          model {\n            id\n            name\n            version\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.EvaluationAssessmentsDocument,
  '\n  query EvaluationScoreHistory {\n    assessments(first: 100) {\n      edges {\n        node {\n          id\n          status\n          assessedAt\n          overallScore\n        }\n      }\n    }\n    maturityRadar(source: LIVE) {\n      at\n      overallScore\n      level\n      levelName\n    }\n  }\n':
    types.EvaluationScoreHistoryDocument,
  '\n  query EvaluationModels {\n    maturityModels(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n        }\n      }\n    }\n  }\n':
    types.EvaluationModelsDocument,
  '\n  mutation EvaluationStart($input: StartAssessmentInput!) {\n    startAssessment(input: $input) {\n      id\n    }\n  }\n':
    types.EvaluationStartDocument,
  '\n  mutation EvaluationRecomputeLiveScore {\n    recomputeLiveScore {\n      computedAt\n      overallScore\n      measuredScore\n      level\n      measuredLevel\n      levelCapped\n      coverage {\n        evidence\n        assessment\n        unknown\n      }\n    }\n  }\n':
    types.EvaluationRecomputeLiveScoreDocument,
  '\n  query EvaluationLiveHistory($organizationId: ID!, $from: DateTime!, $after: String) {\n    liveScoreHistory(organizationId: $organizationId, from: $from, first: 100, after: $after, granularity: DAY) {\n      edges {\n        node {\n          computedAt\n          overallScore\n          level\n          coverage {\n            evidence\n            assessment\n            unknown\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.EvaluationLiveHistoryDocument,
  '\n  query PoliciesList($first: Int!, $after: String) {\n    policies(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          language\n          status\n          updatedAt\n          latestVersion {\n            id\n            number\n            title\n          }\n          publishedVersion {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PoliciesListDocument,
  '\n  query PoliciesToAcknowledge {\n    policiesToAcknowledge {\n      id\n      policyId\n      number\n      title\n      publishedAt\n    }\n  }\n':
    types.PoliciesToAcknowledgeDocument,
  '\n  mutation PoliciesCreate($input: CreatePolicyInput!) {\n    createPolicy(input: $input) {\n      id\n    }\n  }\n':
    types.PoliciesCreateDocument,
  '\n  mutation PoliciesAcknowledge($input: PolicyVersionInput!) {\n    acknowledgePolicyVersion(input: $input) {\n      versionId\n      acknowledgedAt\n    }\n  }\n':
    types.PoliciesAcknowledgeDocument,
  '\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      kind\n      language\n      status\n      createdAt\n      latestVersion {\n        id\n        number\n        status\n      }\n      publishedVersion {\n        id\n        number\n      }\n    }\n  }\n':
    types.PolicyDetailDocument,
  '\n  query PolicyVersionList($policyId: ID!, $first: Int!, $after: String) {\n    policyVersions(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          status\n          title\n          createdAt\n          submittedAt\n          approvedAt\n          publishedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PolicyVersionListDocument,
  '\n  query PolicyVersionText($id: ID!) {\n    policyVersion(id: $id) {\n      id\n      number\n      status\n      title\n      editable\n      returnComment\n      sections {\n        key\n        title\n        body\n      }\n      review {\n        kind\n        verdict\n        comment\n      }\n    }\n  }\n':
    types.PolicyVersionTextDocument,
  '\n  query PolicyHistoryList($policyId: ID!, $first: Int!, $after: String) {\n    policyHistory(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          action\n          actorType\n          comment\n          fromStatus\n          toStatus\n          occurredAt\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PolicyHistoryListDocument,
  '\n  query PolicyAcknowledgementList($policyId: ID!, $first: Int!, $after: String) {\n    policyAcknowledgements(policyId: $policyId) {\n      acknowledgedCount\n      pendingCount\n      memberCount\n      share\n      version {\n        id\n        number\n      }\n      pending(first: $first, after: $after) {\n        edges {\n          node {\n            userId\n            displayName\n            joinedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n':
    types.PolicyAcknowledgementListDocument,
  '\n  mutation PolicyUpdateDraft($input: UpdatePolicyDraftInput!) {\n    updatePolicyDraft(input: $input) {\n      id\n    }\n  }\n':
    types.PolicyUpdateDraftDocument,
  '\n  mutation PolicySubmit($input: PolicyVersionInput!) {\n    submitPolicyForReview(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.PolicySubmitDocument,
  '\n  mutation PolicyApprove($input: ApprovePolicyVersionInput!) {\n    approvePolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.PolicyApproveDocument,
  '\n  mutation PolicyReturnToDraft($input: ReturnPolicyToDraftInput!) {\n    returnPolicyToDraft(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.PolicyReturnToDraftDocument,
  '\n  mutation PolicyPublish($input: PolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.PolicyPublishDocument,
  '\n  mutation PolicyStartRevision($input: StartPolicyRevisionInput!) {\n    startPolicyRevision(input: $input) {\n      id\n    }\n  }\n':
    types.PolicyStartRevisionDocument,
  '\n  query PoliciesCommentRules {\n    commentHandlingRules {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n':
    types.PoliciesCommentRulesDocument,
  '\n  mutation PoliciesSetCommentRules($input: SetCommentHandlingRulesInput!) {\n    setCommentHandlingRules(input: $input) {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n':
    types.PoliciesSetCommentRulesDocument,
  '\n  query PoliciesContentRules {\n    contentRules {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n':
    types.PoliciesContentRulesDocument,
  '\n  mutation PoliciesSetContentRules($input: SetContentRulesInput!) {\n    setContentRules(input: $input) {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n':
    types.PoliciesSetContentRulesDocument,
  '\n  query PoliciesRuleNetworks {\n    networks {\n      id\n      displayName\n    }\n  }\n': types.PoliciesRuleNetworksDocument,
  '\n  fragment PressRoomFields on PressRoom {\n    id\n    slug\n    title\n    description\n    enabled\n    language\n    blogDigest\n    url\n    customDomain {\n      id\n      host\n      status\n      recordName\n      recordValue\n      claimedAt\n      verifiedAt\n      checkedAt\n      checkError\n    }\n    contacts {\n      id\n      name\n      role\n      email\n      phone\n    }\n    mediaKit {\n      id\n      mediaAssetId\n      caption\n      credit\n      publicUrl\n    }\n    updatedAt\n  }\n':
    types.PressRoomFieldsFragmentDoc,
  '\n  query PressRoomPage {\n    organization {\n      id\n      name\n      timezone\n      myRoles\n    }\n    pressRoom {\n      ...PressRoomFields\n    }\n  }\n':
    types.PressRoomPageDocument,
  '\n  mutation UpdatePressRoom($input: UpdatePressRoomInput!) {\n    updatePressRoom(input: $input) {\n      ...PressRoomFields\n    }\n  }\n':
    types.UpdatePressRoomDocument,
  '\n  mutation VerifyPressRoomDomain($input: VerifyPressRoomDomainInput!) {\n    verifyPressRoomDomain(input: $input) {\n      ...PressRoomFields\n    }\n  }\n':
    types.VerifyPressRoomDomainDocument,
  '\n  query PressMediaAsset($id: ID!) {\n    mediaAsset(id: $id) {\n      id\n      fileName\n      contentType\n      width\n      height\n    }\n  }\n':
    types.PressMediaAssetDocument,
  '\n  query PressReleases($first: Int, $after: String, $status: PressReleaseStatus) {\n    pressReleases(first: $first, after: $after, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          itemId\n          slug\n          title\n          summary\n          publishAt\n          withdrawnAt\n          status\n          isPublic\n          url\n          newsletterSentAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PressReleasesDocument,
  '\n  query PressReleaseCandidates {\n    approved: contentItems(first: 100, status: APPROVED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    scheduled: contentItems(first: 100, status: SCHEDULED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    published: contentItems(first: 100, status: PUBLISHED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n  }\n':
    types.PressReleaseCandidatesDocument,
  '\n  mutation PublishPressRelease($input: PublishPressReleaseInput!) {\n    publishPressRelease(input: $input) {\n      id\n      slug\n      title\n      status\n      url\n    }\n  }\n':
    types.PublishPressReleaseDocument,
  '\n  mutation WithdrawPressRelease($input: WithdrawPressReleaseInput!) {\n    withdrawPressRelease(input: $input) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n':
    types.WithdrawPressReleaseDocument,
  '\n  query NewsletterSubscribers($first: Int, $after: String, $state: NewsletterSubscriberState) {\n    newsletterSubscriberCounts {\n      pending\n      confirmed\n      unsubscribed\n    }\n    newsletterSubscribers(first: $first, after: $after, state: $state) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          state\n          lists\n          createdAt\n          confirmedAt\n          unsubscribedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.NewsletterSubscribersDocument,
  '\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n      status\n      deletionRequestedAt\n      myRoles\n    }\n  }\n':
    types.OrganizationSettingsDocument,
  '\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n    }\n  }\n':
    types.UpdateOrganizationSettingsDocument,
  '\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      id\n      status\n      deletionRequestedAt\n    }\n  }\n':
    types.DeleteOrganizationDocument,
  '\n  query PendingDeletions {\n    organizations(first: 100, filter: { status: DELETION_PENDING }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n':
    types.PendingDeletionsDocument,
  '\n  query StrategyDocumentVersions($first: Int, $after: String) {\n    strategyDocumentVersions(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          note\n          createdAt\n          submittedAt\n          approvedAt\n          approverName\n          approvalComment\n          returnedAt\n          returnComment\n          markdown\n        }\n      }\n    }\n  }\n':
    types.StrategyDocumentVersionsDocument,
  '\n  mutation StrategyCreateDocumentVersion($input: CreateStrategyDocumentVersionInput!) {\n    createStrategyDocumentVersion(input: $input) {\n      id\n      number\n    }\n  }\n':
    types.StrategyCreateDocumentVersionDocument,
  '\n  mutation StrategySubmitDocumentVersion($input: StrategyDocumentVersionInput!) {\n    submitStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.StrategySubmitDocumentVersionDocument,
  '\n  mutation StrategyApproveDocumentVersion($input: ApproveStrategyDocumentVersionInput!) {\n    approveStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.StrategyApproveDocumentVersionDocument,
  '\n  mutation StrategyReturnDocumentVersion($input: ReturnStrategyDocumentVersionInput!) {\n    returnStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.StrategyReturnDocumentVersionDocument,
  '\n  mutation StrategyDeleteDocumentVersion($input: StrategyDocumentVersionInput!) {\n    deleteStrategyDocumentVersion(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyDeleteDocumentVersionDocument,
  '\n  mutation StrategyImportKpiValues($input: ImportKpiValuesInput!) {\n    importKpiValues(input: $input) {\n      importId\n      imported\n    }\n  }\n':
    types.StrategyImportKpiValuesDocument,
  '\n  mutation StrategySetRoadmapStepStatus($input: SetRoadmapStepStatusInput!) {\n    setRoadmapStepStatus(input: $input) {\n      key\n      status\n      note\n    }\n  }\n':
    types.StrategySetRoadmapStepStatusDocument,
  '\n  query StrategyTaskForceMembers($first: Int, $after: String) {\n    taskForceMembers(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          role\n          roleLabel\n          department\n          external\n          externalContact\n        }\n      }\n    }\n  }\n':
    types.StrategyTaskForceMembersDocument,
  '\n  query StrategyTaskForceChoices {\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n            email\n          }\n        }\n      }\n    }\n  }\n':
    types.StrategyTaskForceChoicesDocument,
  '\n  mutation StrategyAddTaskForceMember($input: AddTaskForceMemberInput!) {\n    addTaskForceMember(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyAddTaskForceMemberDocument,
  '\n  mutation StrategyRemoveTaskForceMember($input: RemoveTaskForceMemberInput!) {\n    removeTaskForceMember(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyRemoveTaskForceMemberDocument,
  '\n  query StrategyRituals($first: Int, $after: String) {\n    rituals(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          cadence\n          weekday\n          dayOfMonth\n          time\n          timezone\n          nextOccurrence\n        }\n      }\n    }\n  }\n':
    types.StrategyRitualsDocument,
  '\n  mutation StrategyCreateRitual($input: CreateRitualInput!) {\n    createRitual(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyCreateRitualDocument,
  '\n  mutation StrategyUpdateRitual($input: UpdateRitualInput!) {\n    updateRitual(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyUpdateRitualDocument,
  '\n  mutation StrategyDeleteRitual($input: DeleteRitualInput!) {\n    deleteRitual(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyDeleteRitualDocument,
  '\n  mutation StrategyCreateAudienceSegment($input: CreateAudienceSegmentInput!) {\n    createAudienceSegment(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyCreateAudienceSegmentDocument,
  '\n  mutation StrategyUpdateAudienceSegment($input: UpdateAudienceSegmentInput!) {\n    updateAudienceSegment(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyUpdateAudienceSegmentDocument,
  '\n  mutation StrategyDeleteAudienceSegment($input: DeleteAudienceSegmentInput!) {\n    deleteAudienceSegment(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyDeleteAudienceSegmentDocument,
  '\n  mutation StrategyCreateNetworkPlan($input: CreateNetworkPlanInput!) {\n    createNetworkPlan(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyCreateNetworkPlanDocument,
  '\n  mutation StrategyUpdateNetworkPlan($input: UpdateNetworkPlanInput!) {\n    updateNetworkPlan(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyUpdateNetworkPlanDocument,
  '\n  mutation StrategyDeleteNetworkPlan($input: DeleteNetworkPlanInput!) {\n    deleteNetworkPlan(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyDeleteNetworkPlanDocument,
  '\n  mutation StrategyCreateCompetitor($input: CreateCompetitorInput!) {\n    createCompetitor(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyCreateCompetitorDocument,
  '\n  mutation StrategyUpdateCompetitor($input: UpdateCompetitorInput!) {\n    updateCompetitor(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyUpdateCompetitorDocument,
  '\n  mutation StrategyDeleteCompetitor($input: DeleteCompetitorInput!) {\n    deleteCompetitor(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyDeleteCompetitorDocument,
  '\n  mutation StrategySetBrandVoice($input: SetBrandVoiceInput!) {\n    setBrandVoice(input: $input) {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n':
    types.StrategySetBrandVoiceDocument,
  '\n  query StrategyNetworkChoices {\n    networks {\n      id\n      displayName\n    }\n  }\n': types.StrategyNetworkChoicesDocument,
  '\n  query StrategyPlanChoices {\n    networks {\n      id\n      displayName\n    }\n    audienceSegments(first: 100) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.StrategyPlanChoicesDocument,
  '\n  query StrategyRoadmap {\n    roadmap {\n      doneCount\n      progress\n      steps {\n        number\n        key\n        title\n        description\n        status\n        manual\n        note\n        updatedAt\n        evidence {\n          key\n          explanation\n          measured\n          score\n        }\n      }\n    }\n  }\n':
    types.StrategyRoadmapDocument,
  '\n  query StrategyObjectives($first: Int, $after: String) {\n    objectives(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          description\n          metric\n          baseline\n          target\n          unit\n          deadline\n          createdAt\n          kpis {\n            id\n            objectiveId\n            name\n            metric\n            measure\n            frequency\n            target\n            unit\n          }\n        }\n      }\n    }\n  }\n':
    types.StrategyObjectivesDocument,
  '\n  mutation StrategyCreateObjective($input: CreateObjectiveInput!) {\n    createObjective(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyCreateObjectiveDocument,
  '\n  mutation StrategyUpdateObjective($input: UpdateObjectiveInput!) {\n    updateObjective(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyUpdateObjectiveDocument,
  '\n  mutation StrategyCreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyCreateKpiDocument,
  '\n  mutation StrategyUpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyUpdateKpiDocument,
  '\n  mutation StrategyRecordKpiValue($input: RecordKpiValueInput!) {\n    recordKpiValue(input: $input) {\n      id\n    }\n  }\n':
    types.StrategyRecordKpiValueDocument,
  '\n  query StrategyKpiProgress($kpiId: ID!, $from: DateTime!, $to: DateTime!) {\n    kpiProgress(kpiId: $kpiId, from: $from, to: $to) {\n      kpiId\n      status\n      reason\n      target\n      baseline\n      periods {\n        start\n        end\n        value\n        target\n        progress\n        onTrack\n        origin\n      }\n    }\n  }\n':
    types.StrategyKpiProgressDocument,
  '\n  query StrategyKpiValues($kpiId: ID!, $first: Int, $after: String) {\n    kpiValues(kpiId: $kpiId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          value\n          note\n          source\n          current\n          createdAt\n        }\n      }\n    }\n  }\n':
    types.StrategyKpiValuesDocument,
  '\n  query StrategyAudienceSegments($first: Int, $after: String) {\n    audienceSegments(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          needs\n          usages\n        }\n      }\n    }\n  }\n':
    types.StrategyAudienceSegmentsDocument,
  '\n  query StrategyNetworkPlans($first: Int, $after: String) {\n    networkPlans(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          postsPerWeek\n          rationale\n          reservedHandle\n          segments {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.StrategyNetworkPlansDocument,
  '\n  query StrategyCompetitors($first: Int, $after: String) {\n    competitors(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          notes\n          handles {\n            network\n            handle\n          }\n        }\n      }\n    }\n  }\n':
    types.StrategyCompetitorsDocument,
  '\n  query StrategyBrandVoice {\n    brandVoice {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n':
    types.StrategyBrandVoiceDocument,
  '\n  query StrategyTaskForce {\n    taskForcePeople {\n      name\n      department\n      userId\n      memberIds\n      roles\n      roleLabels\n    }\n    nextWeeklyMeeting {\n      ritualId\n      localDate\n      time\n      timezone\n      startsAt\n      endsAt\n      durationMinutes\n      isoWeek\n      brainstormTheme\n      agenda {\n        kind\n        title\n        name\n        roles\n        theme\n        startsAt\n        endsAt\n        startOffsetMinutes\n        endOffsetMinutes\n      }\n    }\n  }\n':
    types.StrategyTaskForceDocument,
  '\n  query StrategyDocumentView {\n    strategyDocument {\n      organizationName\n      language\n      generatedAt\n      markdown\n    }\n    approvedStrategy {\n      changedSinceApproval\n      version {\n        id\n        number\n        approvedAt\n        approverName\n        approvalComment\n        markdown\n      }\n    }\n  }\n':
    types.StrategyDocumentViewDocument,
  '\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      description\n    }\n  }\n': types.WebhookEventTypesDocument,
  '\n  query AgencyWebhookEndpoints($first: Int, $after: String) {\n    agencyWebhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AgencyWebhookEndpointsDocument,
  '\n  query OrganizationWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.OrganizationWebhookEndpointsDocument,
  '\n  query AgencyWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    agencyWebhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AgencyWebhookDeliveriesDocument,
  '\n  query OrganizationWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.OrganizationWebhookDeliveriesDocument,
  '\n  mutation CreateAgencyWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createAgencyWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n':
    types.CreateAgencyWebhookEndpointDocument,
  '\n  mutation CreateOrganizationWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n':
    types.CreateOrganizationWebhookEndpointDocument,
  '\n  mutation UpdateAgencyWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateAgencyWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n':
    types.UpdateAgencyWebhookEndpointDocument,
  '\n  mutation UpdateOrganizationWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n':
    types.UpdateOrganizationWebhookEndpointDocument,
  '\n  mutation RotateAgencyWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateAgencyWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n':
    types.RotateAgencyWebhookSecretDocument,
  '\n  mutation RotateOrganizationWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n':
    types.RotateOrganizationWebhookSecretDocument,
  '\n  mutation SendAgencyTestWebhook($input: WebhookEndpointIdInput!) {\n    sendAgencyTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n':
    types.SendAgencyTestWebhookDocument,
  '\n  mutation SendOrganizationTestWebhook($input: WebhookEndpointIdInput!) {\n    sendTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n':
    types.SendOrganizationTestWebhookDocument,
  '\n  mutation DeleteAgencyWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteAgencyWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n':
    types.DeleteAgencyWebhookEndpointDocument,
  '\n  mutation DeleteOrganizationWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n':
    types.DeleteOrganizationWebhookEndpointDocument,
  '\n  mutation ReplayAgencyWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayAgencyWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n':
    types.ReplayAgencyWebhookDeliveryDocument,
  '\n  mutation ReplayOrganizationWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n':
    types.ReplayOrganizationWebhookDeliveryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: '\n  mutation LogOut {\n    logOut\n  }\n'): (typeof documents)['\n  mutation LogOut {\n    logOut\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CheckContent($input: CheckContentInput!) {\n    checkContent(input: $input) {\n      blocked\n      violations {\n        start\n        end\n        kind\n        message\n        ruleId\n        severity\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CheckContent($input: CheckContentInput!) {\n    checkContent(input: $input) {\n      blocked\n      violations {\n        start\n        end\n        kind\n        message\n        ruleId\n        severity\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Workspace {\n    me {\n      user {\n        id\n        displayName\n        email\n        locale\n      }\n      agencies {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      organizations {\n        roles\n        organization {\n          id\n          name\n          timezone\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Workspace {\n    me {\n      user {\n        id\n        displayName\n        email\n        locale\n      }\n      agencies {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      organizations {\n        roles\n        organization {\n          id\n          name\n          timezone\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgencyOrganizations {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          locale\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AgencyOrganizations {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timezone\n          locale\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      newAccount\n      userId\n      session {\n        accessToken\n        refreshToken\n        expiresIn\n        userId\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      newAccount\n      userId\n      session {\n        accessToken\n        refreshToken\n        expiresIn\n        userId\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n',
): (typeof documents)['\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrganizationOverview {\n    organization {\n      id\n      name\n      timezone\n      createdAt\n    }\n    maturityRadar {\n      source\n      at\n      overallScore\n      levelName\n      axes {\n        dimensionKey\n        title\n        score\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OrganizationOverview {\n    organization {\n      id\n      name\n      timezone\n      createdAt\n    }\n    maturityRadar {\n      source\n      at\n      overallScore\n      levelName\n      axes {\n        dimensionKey\n        title\n        score\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n',
): (typeof documents)['\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Portfolio {\n    portfolio(first: 100, sort: { field: SCORE, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          organizationId\n          name\n          trend\n          lastAssessment {\n            score\n            level\n            levelName\n            finalizedAt\n          }\n          weakestDimension {\n            key\n            title\n            score\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Portfolio {\n    portfolio(first: 100, sort: { field: SCORE, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          organizationId\n          name\n          trend\n          lastAssessment {\n            score\n            level\n            levelName\n            finalizedAt\n          }\n          weakestDimension {\n            key\n            title\n            score\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MaturityComparison($organizationId: ID!) {\n    maturityComparison(organizationId: $organizationId) {\n      organizationCount\n      overall {\n        score\n        agencyAverage\n      }\n      dimensions {\n        dimensionKey\n        title\n        score\n        agencyAverage\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MaturityComparison($organizationId: ID!) {\n    maturityComparison(organizationId: $organizationId) {\n      organizationCount\n      overall {\n        score\n        agencyAverage\n      }\n      dimensions {\n        dimensionKey\n        title\n        score\n        agencyAverage\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n',
): (typeof documents)['\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      userId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query NetworkAccounts($first: Int!, $after: String) {\n    networkAccounts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          serviceUrl\n          status\n          lastError\n          lastCheckedAt\n          rateLimitedUntil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    networks {\n      id\n      displayName\n      authKind\n      defaultServiceUrl\n    }\n  }\n',
): (typeof documents)['\n  query NetworkAccounts($first: Int!, $after: String) {\n    networkAccounts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          serviceUrl\n          status\n          lastError\n          lastCheckedAt\n          rateLimitedUntil\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    networks {\n      id\n      displayName\n      authKind\n      defaultServiceUrl\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConnectNetworkAccount($input: ConnectNetworkAccountInput!) {\n    connectNetworkAccount(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ConnectNetworkAccount($input: ConnectNetworkAccountInput!) {\n    connectNetworkAccount(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StartNetworkOAuth($input: StartNetworkOAuthInput!) {\n    startNetworkOAuth(input: $input) {\n      authorizationUrl\n    }\n  }\n',
): (typeof documents)['\n  mutation StartNetworkOAuth($input: StartNetworkOAuthInput!) {\n    startNetworkOAuth(input: $input) {\n      authorizationUrl\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query NetworkAccountChoice($id: ID!) {\n    networkAccountChoice(id: $id) {\n      id\n      network\n      expiresAt\n      targets {\n        id\n        kind\n        name\n        handle\n        url\n      }\n    }\n  }\n',
): (typeof documents)['\n  query NetworkAccountChoice($id: ID!) {\n    networkAccountChoice(id: $id) {\n      id\n      network\n      expiresAt\n      targets {\n        id\n        kind\n        name\n        handle\n        url\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChooseNetworkAccountTarget($input: ChooseNetworkAccountTargetInput!) {\n    chooseNetworkAccountTarget(input: $input) {\n      id\n      handle\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ChooseNetworkAccountTarget($input: ChooseNetworkAccountTargetInput!) {\n    chooseNetworkAccountTarget(input: $input) {\n      id\n      handle\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CheckNetworkAccount($input: CheckNetworkAccountInput!) {\n    checkNetworkAccount(input: $input) {\n      id\n      status\n      lastError\n      lastCheckedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation CheckNetworkAccount($input: CheckNetworkAccountInput!) {\n    checkNetworkAccount(input: $input) {\n      id\n      status\n      lastError\n      lastCheckedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DisconnectNetworkAccount($input: DisconnectNetworkAccountInput!) {\n    disconnectNetworkAccount(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation DisconnectNetworkAccount($input: DisconnectNetworkAccountInput!) {\n    disconnectNetworkAccount(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          displayPrefix\n          scopes\n          organizationId\n          createdAt\n          expiresAt\n          revokedAt\n          lastUsedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          displayPrefix\n          scopes\n          organizationId\n          createdAt\n          expiresAt\n          revokedAt\n          lastUsedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        displayPrefix\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        displayPrefix\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgencyMembers($first: Int, $after: String) {\n    agencyMembers(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          role\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AgencyMembers($first: Int, $after: String) {\n    agencyMembers(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          role\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation InviteAgencyMember($input: InviteAgencyMemberInput!) {\n    inviteAgencyMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation InviteAgencyMember($input: InviteAgencyMemberInput!) {\n    inviteAgencyMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgencyInvitations($first: Int, $after: String) {\n    agencyInvitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          agencyRole\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AgencyInvitations($first: Int, $after: String) {\n    agencyInvitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          agencyRole\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendAgencyInvitation($input: ResendInvitationInput!) {\n    resendAgencyInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResendAgencyInvitation($input: ResendInvitationInput!) {\n    resendAgencyInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeAgencyInvitation($input: RevokeInvitationInput!) {\n    revokeAgencyInvitation(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeAgencyInvitation($input: RevokeInvitationInput!) {\n    revokeAgencyInvitation(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangeAgencyMemberRole($input: ChangeAgencyMemberRoleInput!) {\n    changeAgencyMemberRole(input: $input) {\n      userId\n      role\n    }\n  }\n',
): (typeof documents)['\n  mutation ChangeAgencyMemberRole($input: ChangeAgencyMemberRoleInput!) {\n    changeAgencyMemberRole(input: $input) {\n      userId\n      role\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveAgencyMember($input: RemoveMemberInput!) {\n    removeAgencyMember(input: $input) {\n      userId\n    }\n  }\n',
): (typeof documents)['\n  mutation RemoveAgencyMember($input: RemoveMemberInput!) {\n    removeAgencyMember(input: $input) {\n      userId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrganizationMembers($first: Int, $after: String) {\n    organization {\n      id\n      myRoles\n    }\n    members(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          roles\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OrganizationMembers($first: Int, $after: String) {\n    organization {\n      id\n      myRoles\n    }\n    members(first: $first, after: $after) {\n      edges {\n        node {\n          userId\n          roles\n          joinedAt\n          user {\n            id\n            displayName\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        agencyRole\n        roles\n        expiresAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrganizationInvitations($first: Int, $after: String) {\n    invitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          roles\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OrganizationInvitations($first: Int, $after: String) {\n    invitations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          email\n          roles\n          status\n          expiresAt\n          invitedBy {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      acceptUrl\n      emailed\n      invitation {\n        id\n        email\n        status\n        expiresAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangeMemberRoles($input: ChangeMemberRolesInput!) {\n    changeMemberRoles(input: $input) {\n      userId\n      roles\n    }\n  }\n',
): (typeof documents)['\n  mutation ChangeMemberRoles($input: ChangeMemberRolesInput!) {\n    changeMemberRoles(input: $input) {\n      userId\n      roles\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      userId\n    }\n  }\n',
): (typeof documents)['\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      userId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MaturityModels($first: Int, $after: String) {\n    maturityModels(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n          draftVersion\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MaturityModels($first: Int, $after: String) {\n    maturityModels(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n          draftVersion\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MaturityModel($id: ID!) {\n    maturityModel(id: $id) {\n      id\n      name\n      builtIn\n      latestPublishedVersion\n      draftVersion\n      versions {\n        version\n        status\n        createdAt\n        publishedAt\n        content\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MaturityModel($id: ID!) {\n    maturityModel(id: $id) {\n      id\n      name\n      builtIn\n      latestPublishedVersion\n      draftVersion\n      versions {\n        version\n        status\n        createdAt\n        publishedAt\n        content\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportMaturityModel($modelId: ID!, $version: Int) {\n    exportMaturityModel(modelId: $modelId, version: $version)\n  }\n',
): (typeof documents)['\n  query ExportMaturityModel($modelId: ID!, $version: Int) {\n    exportMaturityModel(modelId: $modelId, version: $version)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateMaturityModel($input: CreateMaturityModelInput!) {\n    createMaturityModel(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateMaturityModel($input: CreateMaturityModelInput!) {\n    createMaturityModel(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ImportMaturityModel($input: ImportMaturityModelInput!) {\n    importMaturityModel(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation ImportMaturityModel($input: ImportMaturityModelInput!) {\n    importMaturityModel(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateMaturityModelDraft($input: UpdateMaturityModelDraftInput!) {\n    updateMaturityModelDraft(input: $input) {\n      version\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateMaturityModelDraft($input: UpdateMaturityModelDraftInput!) {\n    updateMaturityModelDraft(input: $input) {\n      version\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PublishMaturityModelVersion($input: PublishMaturityModelVersionInput!) {\n    publishMaturityModelVersion(input: $input) {\n      version\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation PublishMaturityModelVersion($input: PublishMaturityModelVersionInput!) {\n    publishMaturityModelVersion(input: $input) {\n      version\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateMyLocale($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      locale\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateMyLocale($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      locale\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CommunityCharts($from: DateTime!, $to: DateTime!, $interval: VolumeInterval!) {\n    mentionVolume(interval: $interval, from: $from, to: $to) {\n      timeZone\n      buckets {\n        date\n        total\n        positive\n        neutral\n        negative\n        averageSentiment\n      }\n    }\n    shareOfVoice(from: $from, to: $to) {\n      total\n      sides {\n        kind\n        competitorId\n        name\n        mentions\n        share\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CommunityCharts($from: DateTime!, $to: DateTime!, $interval: VolumeInterval!) {\n    mentionVolume(interval: $interval, from: $from, to: $to) {\n      timeZone\n      buckets {\n        date\n        total\n        positive\n        neutral\n        negative\n        averageSentiment\n      }\n    }\n    shareOfVoice(from: $from, to: $to) {\n      total\n      sides {\n        kind\n        competitorId\n        name\n        mentions\n        share\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query InboxItems($first: Int!, $after: String, $status: InboxStatus, $severity: CommentSeverity, $overdue: Boolean) {\n    inboxItems(first: $first, after: $after, status: $status, severity: $severity, overdue: $overdue) {\n      edges {\n        node {\n          id\n          kind\n          source\n          authorHandle\n          authorName\n          text\n          url\n          receivedAt\n          severity\n          severityReason\n          status\n          dueAt\n          overdue\n          responsibleRole\n          assigneeId\n          version\n          replies {\n            id\n            text\n            status\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query InboxItems($first: Int!, $after: String, $status: InboxStatus, $severity: CommentSeverity, $overdue: Boolean) {\n    inboxItems(first: $first, after: $after, status: $status, severity: $severity, overdue: $overdue) {\n      edges {\n        node {\n          id\n          kind\n          source\n          authorHandle\n          authorName\n          text\n          url\n          receivedAt\n          severity\n          severityReason\n          status\n          dueAt\n          overdue\n          responsibleRole\n          assigneeId\n          version\n          replies {\n            id\n            text\n            status\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query InboxReplyTemplates($network: String, $severity: CommentSeverity) {\n    replyTemplates(network: $network, severity: $severity) {\n      channel\n      language\n      severity\n      text\n    }\n  }\n',
): (typeof documents)['\n  query InboxReplyTemplates($network: String, $severity: CommentSeverity) {\n    replyTemplates(network: $network, severity: $severity) {\n      channel\n      language\n      severity\n      text\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AssignInboxItem($input: AssignInboxItemInput!) {\n    assignInboxItem(input: $input) {\n      id\n      status\n      assigneeId\n    }\n  }\n',
): (typeof documents)['\n  mutation AssignInboxItem($input: AssignInboxItemInput!) {\n    assignInboxItem(input: $input) {\n      id\n      status\n      assigneeId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplyToInboxItem($input: ReplyToInboxItemInput!) {\n    replyToInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplyToInboxItem($input: ReplyToInboxItemInput!) {\n    replyToInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DismissInboxItem($input: DismissInboxItemInput!) {\n    dismissInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation DismissInboxItem($input: DismissInboxItemInput!) {\n    dismissInboxItem(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Influencers($first: Int!, $after: String, $leaning: SentimentLeaning) {\n    mentionAuthors(first: $first, after: $after, leaning: $leaning) {\n      edges {\n        node {\n          id\n          handle\n          name\n          source\n          reach\n          mentions\n          score\n          leaning\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Influencers($first: Int!, $after: String, $leaning: SentimentLeaning) {\n    mentionAuthors(first: $first, after: $after, leaning: $leaning) {\n      edges {\n        node {\n          id\n          handle\n          name\n          source\n          reach\n          mentions\n          score\n          leaning\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ListeningQueries($first: Int!, $after: String) {\n    listeningQueries(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          kind\n          query\n          active\n          sources\n          competitorId\n          lastRunAt\n          sourceStates {\n            accountId\n            network\n            lastError\n            mentionsAdded\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ListeningQueries($first: Int!, $after: String) {\n    listeningQueries(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          kind\n          query\n          active\n          sources\n          competitorId\n          lastRunAt\n          sourceStates {\n            accountId\n            network\n            lastError\n            mentionsAdded\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ListeningFormChoices {\n    competitors(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    networks {\n      id\n      displayName\n      capabilities\n    }\n  }\n',
): (typeof documents)['\n  query ListeningFormChoices {\n    competitors(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    networks {\n      id\n      displayName\n      capabilities\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateListeningQuery($input: CreateListeningQueryInput!) {\n    createListeningQuery(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateListeningQuery($input: CreateListeningQueryInput!) {\n    createListeningQuery(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CheckListeningQuery($query: String!) {\n    checkListeningQuery(query: $query) {\n      valid\n      message\n      position\n    }\n  }\n',
): (typeof documents)['\n  query CheckListeningQuery($query: String!) {\n    checkListeningQuery(query: $query) {\n      valid\n      message\n      position\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateListeningQuery($input: UpdateListeningQueryInput!) {\n    updateListeningQuery(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateListeningQuery($input: UpdateListeningQueryInput!) {\n    updateListeningQuery(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteListeningQuery($input: ListeningQueryIdInput!) {\n    deleteListeningQuery(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation DeleteListeningQuery($input: ListeningQueryIdInput!) {\n    deleteListeningQuery(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MentionStream(\n    $first: Int!\n    $after: String\n    $source: String\n    $sentiment: SentimentLabel\n    $queryId: ID\n    $from: DateTime\n    $to: DateTime\n    $text: String\n  ) {\n    mentions(first: $first, after: $after, source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      edges {\n        node {\n          id\n          source\n          authorHandle\n          authorName\n          text\n          url\n          publishedAt\n          sentiment\n          reach\n          language\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mentionFacets(source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      total\n      sources {\n        value\n        label\n        count\n      }\n      sentiments {\n        value\n        label\n        count\n      }\n      queries {\n        value\n        label\n        count\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MentionStream(\n    $first: Int!\n    $after: String\n    $source: String\n    $sentiment: SentimentLabel\n    $queryId: ID\n    $from: DateTime\n    $to: DateTime\n    $text: String\n  ) {\n    mentions(first: $first, after: $after, source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      edges {\n        node {\n          id\n          source\n          authorHandle\n          authorName\n          text\n          url\n          publishedAt\n          sentiment\n          reach\n          language\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    mentionFacets(source: $source, sentiment: $sentiment, queryId: $queryId, from: $from, to: $to, text: $text) {\n      total\n      sources {\n        value\n        label\n        count\n      }\n      sentiments {\n        value\n        label\n        count\n      }\n      queries {\n        value\n        label\n        count\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CommunityOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n',
): (typeof documents)['\n  query CommunityOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContentItemPublications($itemId: ID!, $after: String) {\n    publications(itemId: $itemId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          status\n          dueAt\n          publishedAt\n          deletedAt\n          attempts\n          lastError\n          lastErrorKind\n          externalUrl\n          waitsFor\n          upload {\n            attachment\n            attachments\n            percent\n          }\n          attemptLog {\n            number\n            outcome\n            errorKind\n            message\n            startedAt\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ContentItemPublications($itemId: ID!, $after: String) {\n    publications(itemId: $itemId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          status\n          dueAt\n          publishedAt\n          deletedAt\n          attempts\n          lastError\n          lastErrorKind\n          externalUrl\n          waitsFor\n          upload {\n            attachment\n            attachments\n            percent\n          }\n          attemptLog {\n            number\n            outcome\n            errorKind\n            message\n            startedAt\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ContentRetryPublication($input: PublicationIdInput!) {\n    retryPublication(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ContentRetryPublication($input: PublicationIdInput!) {\n    retryPublication(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ContentDeletePublishedPost($input: PublicationIdInput!) {\n    deletePublishedPost(input: $input) {\n      id\n      deletedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation ContentDeletePublishedPost($input: PublicationIdInput!) {\n    deletePublishedPost(input: $input) {\n      id\n      deletedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ContentUnscheduleItem($input: UnscheduleContentItemInput!) {\n    unscheduleContentItem(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ContentUnscheduleItem($input: UnscheduleContentItemInput!) {\n    unscheduleContentItem(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ContentCancelItem($input: CancelContentItemInput!) {\n    cancelContentItem(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ContentCancelItem($input: CancelContentItemInput!) {\n    cancelContentItem(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContentOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n',
): (typeof documents)['\n  query ContentOrganization {\n    organization {\n      id\n      name\n      timezone\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContentCalendar($input: ContentCalendarInput!) {\n    contentCalendar(input: $input) {\n      truncated\n      entries {\n        at\n        itemId\n        itemStatus\n        title\n        network\n        networkAccountId\n        publicationId\n        publicationStatus\n        theme\n        campaign\n        externalUrl\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ContentCalendar($input: ContentCalendarInput!) {\n    contentCalendar(input: $input) {\n      truncated\n      entries {\n        at\n        itemId\n        itemStatus\n        title\n        network\n        networkAccountId\n        publicationId\n        publicationStatus\n        theme\n        campaign\n        externalUrl\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RescheduleContentItem($input: RescheduleContentItemInput!) {\n    rescheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation RescheduleContentItem($input: RescheduleContentItemInput!) {\n    rescheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ScheduleContentItem($input: ScheduleContentItemInput!) {\n    scheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ScheduleContentItem($input: ScheduleContentItemInput!) {\n    scheduleContentItem(input: $input) {\n      id\n      dueAt\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContentItems($first: Int!, $after: String, $status: ContentStatus, $source: ContentSource) {\n    contentItems(first: $first, after: $after, status: $status, source: $source) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          brief\n          theme\n          campaign\n          plannedFor\n          status\n          source\n          revision\n          triage\n          triageReason\n          createdAt\n          variants {\n            id\n            network\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ContentItems($first: Int!, $after: String, $status: ContentStatus, $source: ContentSource) {\n    contentItems(first: $first, after: $after, status: $status, source: $source) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          brief\n          theme\n          campaign\n          plannedFor\n          status\n          source\n          revision\n          triage\n          triageReason\n          createdAt\n          variants {\n            id\n            network\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContentItem($id: ID!) {\n    contentItem(id: $id) {\n      id\n      title\n      brief\n      theme\n      campaign\n      objectiveId\n      segmentId\n      plannedFor\n      status\n      source\n      revision\n      variants {\n        id\n        network\n        networkAccountId\n        text\n        linkUrl\n        mediaIds\n        options {\n          name\n          value\n        }\n        longForm\n        blocked\n        findings {\n          severity\n          rule\n          message\n          spans {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ContentItem($id: ID!) {\n    contentItem(id: $id) {\n      id\n      title\n      brief\n      theme\n      campaign\n      objectiveId\n      segmentId\n      plannedFor\n      status\n      source\n      revision\n      variants {\n        id\n        network\n        networkAccountId\n        text\n        linkUrl\n        mediaIds\n        options {\n          name\n          value\n        }\n        longForm\n        blocked\n        findings {\n          severity\n          rule\n          message\n          spans {\n            start\n            end\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContentEditorChoices {\n    networks {\n      id\n      displayName\n      textMaxLength\n      textCounting\n      options {\n        name\n        type\n        label\n        description\n        values\n        maxLength\n        required\n      }\n    }\n    networkAccounts(first: 100) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          status\n        }\n      }\n    }\n    objectives(first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    audienceSegments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ContentEditorChoices {\n    networks {\n      id\n      displayName\n      textMaxLength\n      textCounting\n      options {\n        name\n        type\n        label\n        description\n        values\n        maxLength\n        required\n      }\n    }\n    networkAccounts(first: 100) {\n      edges {\n        node {\n          id\n          network\n          handle\n          displayName\n          status\n        }\n      }\n    }\n    objectives(first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    audienceSegments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateContentItem($input: CreateContentItemInput!) {\n    createContentItem(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateContentItem($input: CreateContentItemInput!) {\n    createContentItem(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateContentItem($input: UpdateContentItemInput!) {\n    updateContentItem(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateContentItem($input: UpdateContentItemInput!) {\n    updateContentItem(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetContentVariant($input: SetContentVariantInput!) {\n    setVariant(input: $input) {\n      id\n      longForm\n      blocked\n    }\n  }\n',
): (typeof documents)['\n  mutation SetContentVariant($input: SetContentVariantInput!) {\n    setVariant(input: $input) {\n      id\n      longForm\n      blocked\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SubmitContentItem($input: ContentItemInput!) {\n    submitContentItem(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation SubmitContentItem($input: ContentItemInput!) {\n    submitContentItem(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MediaAssets($first: Int!, $after: String) {\n    mediaAssets(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fileName\n          contentType\n          byteSize\n          width\n          height\n          downloadUrl\n          createdAt\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MediaAssets($first: Int!, $after: String) {\n    mediaAssets(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fileName\n          contentType\n          byteSize\n          width\n          height\n          downloadUrl\n          createdAt\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApproveContentItem($input: ApproveContentItemInput!) {\n    approveContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n',
): (typeof documents)['\n  mutation ApproveContentItem($input: ApproveContentItemInput!) {\n    approveContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectContentItem($input: RejectContentItemInput!) {\n    rejectContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectContentItem($input: RejectContentItemInput!) {\n    rejectContentItem(input: $input) {\n      itemId\n      status\n      complete\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateApprovalLink($input: CreateApprovalLinkInput!) {\n    createApprovalLink(input: $input) {\n      id\n      url\n      emailed\n      recipientEmail\n      expiresAt\n      recipientName\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateApprovalLink($input: CreateApprovalLinkInput!) {\n    createApprovalLink(input: $input) {\n      id\n      url\n      emailed\n      recipientEmail\n      expiresAt\n      recipientName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CrisisPause {\n    crisisPause {\n      active\n      reason\n      pausedAt\n      resumedAt\n      held {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n      publishing {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CrisisPause {\n    crisisPause {\n      active\n      reason\n      pausedAt\n      resumedAt\n      held {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n      publishing {\n        id\n        itemId\n        network\n        dueAt\n        status\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCrisisPause($input: SetCrisisPauseInput!) {\n    setCrisisPause(input: $input) {\n      active\n    }\n  }\n',
): (typeof documents)['\n  mutation SetCrisisPause($input: SetCrisisPauseInput!) {\n    setCrisisPause(input: $input) {\n      active\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResumeAfterCrisisPause($input: ResumeAfterCrisisPauseInput!) {\n    resumeAfterCrisisPause(input: $input) {\n      released {\n        id\n      }\n      crisisPause {\n        active\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResumeAfterCrisisPause($input: ResumeAfterCrisisPauseInput!) {\n    resumeAfterCrisisPause(input: $input) {\n      released {\n        id\n      }\n      crisisPause {\n        active\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SuggestContentIdea($input: SuggestContentIdeaInput!) {\n    suggestContentIdea(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation SuggestContentIdea($input: SuggestContentIdeaInput!) {\n    suggestContentIdea(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation TriageContentIdea($input: TriageContentIdeaInput!) {\n    triageContentIdea(input: $input) {\n      id\n      triage\n    }\n  }\n',
): (typeof documents)['\n  mutation TriageContentIdea($input: TriageContentIdeaInput!) {\n    triageContentIdea(input: $input) {\n      id\n      triage\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EvaluationAssessment($id: ID!) {\n    assessment(id: $id) {\n      id\n      status\n      startedAt\n      assessedAt\n      answeredCount\n      questionCount\n      overallScore\n      previousOverallScore\n      model {\n        name\n        version\n      }\n      level {\n        number\n        name\n        description\n      }\n      dimensions {\n        key\n        title\n        description\n        score\n        criteria {\n          key\n          kind\n          title\n          question\n          answerValue\n          detail\n          evidenceKey\n          score\n          scale {\n            value\n            label\n            meaning\n          }\n        }\n      }\n      answers {\n        criterionKey\n        value\n        comment\n      }\n      evidence {\n        key\n        value\n        explanation\n        score\n      }\n      recommendations {\n        criterionKey\n        criterionTitle\n        dimensionTitle\n        gain\n        text\n        roadmapStep {\n          number\n          title\n        }\n      }\n      trend {\n        dimensionKey\n        delta\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EvaluationAssessment($id: ID!) {\n    assessment(id: $id) {\n      id\n      status\n      startedAt\n      assessedAt\n      answeredCount\n      questionCount\n      overallScore\n      previousOverallScore\n      model {\n        name\n        version\n      }\n      level {\n        number\n        name\n        description\n      }\n      dimensions {\n        key\n        title\n        description\n        score\n        criteria {\n          key\n          kind\n          title\n          question\n          answerValue\n          detail\n          evidenceKey\n          score\n          scale {\n            value\n            label\n            meaning\n          }\n        }\n      }\n      answers {\n        criterionKey\n        value\n        comment\n      }\n      evidence {\n        key\n        value\n        explanation\n        score\n      }\n      recommendations {\n        criterionKey\n        criterionTitle\n        dimensionTitle\n        gain\n        text\n        roadmapStep {\n          number\n          title\n        }\n      }\n      trend {\n        dimensionKey\n        delta\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EvaluationAnswer($input: AnswerAssessmentCriterionInput!) {\n    answerAssessmentCriterion(input: $input) {\n      id\n      answeredCount\n    }\n  }\n',
): (typeof documents)['\n  mutation EvaluationAnswer($input: AnswerAssessmentCriterionInput!) {\n    answerAssessmentCriterion(input: $input) {\n      id\n      answeredCount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EvaluationFinalize($input: FinalizeAssessmentInput!) {\n    finalizeAssessment(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation EvaluationFinalize($input: FinalizeAssessmentInput!) {\n    finalizeAssessment(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EvaluationReportLink($input: AssessmentReportInput!) {\n    assessmentReportLink(input: $input) {\n      url\n      filename\n    }\n  }\n',
): (typeof documents)['\n  query EvaluationReportLink($input: AssessmentReportInput!) {\n    assessmentReportLink(input: $input) {\n      url\n      filename\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EvaluationAssessments($first: Int!, $after: String) {\n    assessments(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          startedAt\n          assessedAt\n          overallScore\n          answeredCount\n          questionCount\n          level {\n            number\n            name\n          }\n          model {\n            id\n            name\n            version\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EvaluationAssessments($first: Int!, $after: String) {\n    assessments(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          startedAt\n          assessedAt\n          overallScore\n          answeredCount\n          questionCount\n          level {\n            number\n            name\n          }\n          model {\n            id\n            name\n            version\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EvaluationScoreHistory {\n    assessments(first: 100) {\n      edges {\n        node {\n          id\n          status\n          assessedAt\n          overallScore\n        }\n      }\n    }\n    maturityRadar(source: LIVE) {\n      at\n      overallScore\n      level\n      levelName\n    }\n  }\n',
): (typeof documents)['\n  query EvaluationScoreHistory {\n    assessments(first: 100) {\n      edges {\n        node {\n          id\n          status\n          assessedAt\n          overallScore\n        }\n      }\n    }\n    maturityRadar(source: LIVE) {\n      at\n      overallScore\n      level\n      levelName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EvaluationModels {\n    maturityModels(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EvaluationModels {\n    maturityModels(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n          latestPublishedVersion\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EvaluationStart($input: StartAssessmentInput!) {\n    startAssessment(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation EvaluationStart($input: StartAssessmentInput!) {\n    startAssessment(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EvaluationRecomputeLiveScore {\n    recomputeLiveScore {\n      computedAt\n      overallScore\n      measuredScore\n      level\n      measuredLevel\n      levelCapped\n      coverage {\n        evidence\n        assessment\n        unknown\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation EvaluationRecomputeLiveScore {\n    recomputeLiveScore {\n      computedAt\n      overallScore\n      measuredScore\n      level\n      measuredLevel\n      levelCapped\n      coverage {\n        evidence\n        assessment\n        unknown\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EvaluationLiveHistory($organizationId: ID!, $from: DateTime!, $after: String) {\n    liveScoreHistory(organizationId: $organizationId, from: $from, first: 100, after: $after, granularity: DAY) {\n      edges {\n        node {\n          computedAt\n          overallScore\n          level\n          coverage {\n            evidence\n            assessment\n            unknown\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EvaluationLiveHistory($organizationId: ID!, $from: DateTime!, $after: String) {\n    liveScoreHistory(organizationId: $organizationId, from: $from, first: 100, after: $after, granularity: DAY) {\n      edges {\n        node {\n          computedAt\n          overallScore\n          level\n          coverage {\n            evidence\n            assessment\n            unknown\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PoliciesList($first: Int!, $after: String) {\n    policies(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          language\n          status\n          updatedAt\n          latestVersion {\n            id\n            number\n            title\n          }\n          publishedVersion {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PoliciesList($first: Int!, $after: String) {\n    policies(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          language\n          status\n          updatedAt\n          latestVersion {\n            id\n            number\n            title\n          }\n          publishedVersion {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PoliciesToAcknowledge {\n    policiesToAcknowledge {\n      id\n      policyId\n      number\n      title\n      publishedAt\n    }\n  }\n',
): (typeof documents)['\n  query PoliciesToAcknowledge {\n    policiesToAcknowledge {\n      id\n      policyId\n      number\n      title\n      publishedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PoliciesCreate($input: CreatePolicyInput!) {\n    createPolicy(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation PoliciesCreate($input: CreatePolicyInput!) {\n    createPolicy(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PoliciesAcknowledge($input: PolicyVersionInput!) {\n    acknowledgePolicyVersion(input: $input) {\n      versionId\n      acknowledgedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation PoliciesAcknowledge($input: PolicyVersionInput!) {\n    acknowledgePolicyVersion(input: $input) {\n      versionId\n      acknowledgedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      kind\n      language\n      status\n      createdAt\n      latestVersion {\n        id\n        number\n        status\n      }\n      publishedVersion {\n        id\n        number\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      kind\n      language\n      status\n      createdAt\n      latestVersion {\n        id\n        number\n        status\n      }\n      publishedVersion {\n        id\n        number\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PolicyVersionList($policyId: ID!, $first: Int!, $after: String) {\n    policyVersions(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          status\n          title\n          createdAt\n          submittedAt\n          approvedAt\n          publishedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PolicyVersionList($policyId: ID!, $first: Int!, $after: String) {\n    policyVersions(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          status\n          title\n          createdAt\n          submittedAt\n          approvedAt\n          publishedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PolicyVersionText($id: ID!) {\n    policyVersion(id: $id) {\n      id\n      number\n      status\n      title\n      editable\n      returnComment\n      sections {\n        key\n        title\n        body\n      }\n      review {\n        kind\n        verdict\n        comment\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PolicyVersionText($id: ID!) {\n    policyVersion(id: $id) {\n      id\n      number\n      status\n      title\n      editable\n      returnComment\n      sections {\n        key\n        title\n        body\n      }\n      review {\n        kind\n        verdict\n        comment\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PolicyHistoryList($policyId: ID!, $first: Int!, $after: String) {\n    policyHistory(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          action\n          actorType\n          comment\n          fromStatus\n          toStatus\n          occurredAt\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PolicyHistoryList($policyId: ID!, $first: Int!, $after: String) {\n    policyHistory(policyId: $policyId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          action\n          actorType\n          comment\n          fromStatus\n          toStatus\n          occurredAt\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PolicyAcknowledgementList($policyId: ID!, $first: Int!, $after: String) {\n    policyAcknowledgements(policyId: $policyId) {\n      acknowledgedCount\n      pendingCount\n      memberCount\n      share\n      version {\n        id\n        number\n      }\n      pending(first: $first, after: $after) {\n        edges {\n          node {\n            userId\n            displayName\n            joinedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PolicyAcknowledgementList($policyId: ID!, $first: Int!, $after: String) {\n    policyAcknowledgements(policyId: $policyId) {\n      acknowledgedCount\n      pendingCount\n      memberCount\n      share\n      version {\n        id\n        number\n      }\n      pending(first: $first, after: $after) {\n        edges {\n          node {\n            userId\n            displayName\n            joinedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PolicyUpdateDraft($input: UpdatePolicyDraftInput!) {\n    updatePolicyDraft(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation PolicyUpdateDraft($input: UpdatePolicyDraftInput!) {\n    updatePolicyDraft(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PolicySubmit($input: PolicyVersionInput!) {\n    submitPolicyForReview(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation PolicySubmit($input: PolicyVersionInput!) {\n    submitPolicyForReview(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PolicyApprove($input: ApprovePolicyVersionInput!) {\n    approvePolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation PolicyApprove($input: ApprovePolicyVersionInput!) {\n    approvePolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PolicyReturnToDraft($input: ReturnPolicyToDraftInput!) {\n    returnPolicyToDraft(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation PolicyReturnToDraft($input: ReturnPolicyToDraftInput!) {\n    returnPolicyToDraft(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PolicyPublish($input: PolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation PolicyPublish($input: PolicyVersionInput!) {\n    publishPolicyVersion(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PolicyStartRevision($input: StartPolicyRevisionInput!) {\n    startPolicyRevision(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation PolicyStartRevision($input: StartPolicyRevisionInput!) {\n    startPolicyRevision(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PoliciesCommentRules {\n    commentHandlingRules {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PoliciesCommentRules {\n    commentHandlingRules {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PoliciesSetCommentRules($input: SetCommentHandlingRulesInput!) {\n    setCommentHandlingRules(input: $input) {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation PoliciesSetCommentRules($input: SetCommentHandlingRulesInput!) {\n    setCommentHandlingRules(input: $input) {\n      updatedAt\n      rules {\n        channel\n        severity\n        responseMinutes\n        businessHours\n        responsibleRole\n        escalate\n        replyTemplates {\n          language\n          text\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PoliciesContentRules {\n    contentRules {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n',
): (typeof documents)['\n  query PoliciesContentRules {\n    contentRules {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PoliciesSetContentRules($input: SetContentRulesInput!) {\n    setContentRules(input: $input) {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n',
): (typeof documents)['\n  mutation PoliciesSetContentRules($input: SetContentRulesInput!) {\n    setContentRules(input: $input) {\n      version\n      updatedAt\n      rules\n      brandVoiceRules\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PoliciesRuleNetworks {\n    networks {\n      id\n      displayName\n    }\n  }\n',
): (typeof documents)['\n  query PoliciesRuleNetworks {\n    networks {\n      id\n      displayName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment PressRoomFields on PressRoom {\n    id\n    slug\n    title\n    description\n    enabled\n    language\n    blogDigest\n    url\n    customDomain {\n      id\n      host\n      status\n      recordName\n      recordValue\n      claimedAt\n      verifiedAt\n      checkedAt\n      checkError\n    }\n    contacts {\n      id\n      name\n      role\n      email\n      phone\n    }\n    mediaKit {\n      id\n      mediaAssetId\n      caption\n      credit\n      publicUrl\n    }\n    updatedAt\n  }\n',
): (typeof documents)['\n  fragment PressRoomFields on PressRoom {\n    id\n    slug\n    title\n    description\n    enabled\n    language\n    blogDigest\n    url\n    customDomain {\n      id\n      host\n      status\n      recordName\n      recordValue\n      claimedAt\n      verifiedAt\n      checkedAt\n      checkError\n    }\n    contacts {\n      id\n      name\n      role\n      email\n      phone\n    }\n    mediaKit {\n      id\n      mediaAssetId\n      caption\n      credit\n      publicUrl\n    }\n    updatedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PressRoomPage {\n    organization {\n      id\n      name\n      timezone\n      myRoles\n    }\n    pressRoom {\n      ...PressRoomFields\n    }\n  }\n',
): (typeof documents)['\n  query PressRoomPage {\n    organization {\n      id\n      name\n      timezone\n      myRoles\n    }\n    pressRoom {\n      ...PressRoomFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdatePressRoom($input: UpdatePressRoomInput!) {\n    updatePressRoom(input: $input) {\n      ...PressRoomFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdatePressRoom($input: UpdatePressRoomInput!) {\n    updatePressRoom(input: $input) {\n      ...PressRoomFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation VerifyPressRoomDomain($input: VerifyPressRoomDomainInput!) {\n    verifyPressRoomDomain(input: $input) {\n      ...PressRoomFields\n    }\n  }\n',
): (typeof documents)['\n  mutation VerifyPressRoomDomain($input: VerifyPressRoomDomainInput!) {\n    verifyPressRoomDomain(input: $input) {\n      ...PressRoomFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PressMediaAsset($id: ID!) {\n    mediaAsset(id: $id) {\n      id\n      fileName\n      contentType\n      width\n      height\n    }\n  }\n',
): (typeof documents)['\n  query PressMediaAsset($id: ID!) {\n    mediaAsset(id: $id) {\n      id\n      fileName\n      contentType\n      width\n      height\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PressReleases($first: Int, $after: String, $status: PressReleaseStatus) {\n    pressReleases(first: $first, after: $after, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          itemId\n          slug\n          title\n          summary\n          publishAt\n          withdrawnAt\n          status\n          isPublic\n          url\n          newsletterSentAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PressReleases($first: Int, $after: String, $status: PressReleaseStatus) {\n    pressReleases(first: $first, after: $after, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          itemId\n          slug\n          title\n          summary\n          publishAt\n          withdrawnAt\n          status\n          isPublic\n          url\n          newsletterSentAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PressReleaseCandidates {\n    approved: contentItems(first: 100, status: APPROVED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    scheduled: contentItems(first: 100, status: SCHEDULED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    published: contentItems(first: 100, status: PUBLISHED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PressReleaseCandidates {\n    approved: contentItems(first: 100, status: APPROVED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    scheduled: contentItems(first: 100, status: SCHEDULED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n    published: contentItems(first: 100, status: PUBLISHED) {\n      edges {\n        node {\n          id\n          title\n          status\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PublishPressRelease($input: PublishPressReleaseInput!) {\n    publishPressRelease(input: $input) {\n      id\n      slug\n      title\n      status\n      url\n    }\n  }\n',
): (typeof documents)['\n  mutation PublishPressRelease($input: PublishPressReleaseInput!) {\n    publishPressRelease(input: $input) {\n      id\n      slug\n      title\n      status\n      url\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WithdrawPressRelease($input: WithdrawPressReleaseInput!) {\n    withdrawPressRelease(input: $input) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n',
): (typeof documents)['\n  mutation WithdrawPressRelease($input: WithdrawPressReleaseInput!) {\n    withdrawPressRelease(input: $input) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query NewsletterSubscribers($first: Int, $after: String, $state: NewsletterSubscriberState) {\n    newsletterSubscriberCounts {\n      pending\n      confirmed\n      unsubscribed\n    }\n    newsletterSubscribers(first: $first, after: $after, state: $state) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          state\n          lists\n          createdAt\n          confirmedAt\n          unsubscribedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query NewsletterSubscribers($first: Int, $after: String, $state: NewsletterSubscriberState) {\n    newsletterSubscriberCounts {\n      pending\n      confirmed\n      unsubscribed\n    }\n    newsletterSubscribers(first: $first, after: $after, state: $state) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          state\n          lists\n          createdAt\n          confirmedAt\n          unsubscribedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n      status\n      deletionRequestedAt\n      myRoles\n    }\n  }\n',
): (typeof documents)['\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n      status\n      deletionRequestedAt\n      myRoles\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      name\n      timezone\n      locale\n      sector\n      size\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      id\n      status\n      deletionRequestedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation DeleteOrganization($input: DeleteOrganizationInput!) {\n    deleteOrganization(input: $input) {\n      id\n      status\n      deletionRequestedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PendingDeletions {\n    organizations(first: 100, filter: { status: DELETION_PENDING }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PendingDeletions {\n    organizations(first: 100, filter: { status: DELETION_PENDING }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyDocumentVersions($first: Int, $after: String) {\n    strategyDocumentVersions(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          note\n          createdAt\n          submittedAt\n          approvedAt\n          approverName\n          approvalComment\n          returnedAt\n          returnComment\n          markdown\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyDocumentVersions($first: Int, $after: String) {\n    strategyDocumentVersions(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          note\n          createdAt\n          submittedAt\n          approvedAt\n          approverName\n          approvalComment\n          returnedAt\n          returnComment\n          markdown\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateDocumentVersion($input: CreateStrategyDocumentVersionInput!) {\n    createStrategyDocumentVersion(input: $input) {\n      id\n      number\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateDocumentVersion($input: CreateStrategyDocumentVersionInput!) {\n    createStrategyDocumentVersion(input: $input) {\n      id\n      number\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategySubmitDocumentVersion($input: StrategyDocumentVersionInput!) {\n    submitStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategySubmitDocumentVersion($input: StrategyDocumentVersionInput!) {\n    submitStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyApproveDocumentVersion($input: ApproveStrategyDocumentVersionInput!) {\n    approveStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyApproveDocumentVersion($input: ApproveStrategyDocumentVersionInput!) {\n    approveStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyReturnDocumentVersion($input: ReturnStrategyDocumentVersionInput!) {\n    returnStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyReturnDocumentVersion($input: ReturnStrategyDocumentVersionInput!) {\n    returnStrategyDocumentVersion(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyDeleteDocumentVersion($input: StrategyDocumentVersionInput!) {\n    deleteStrategyDocumentVersion(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyDeleteDocumentVersion($input: StrategyDocumentVersionInput!) {\n    deleteStrategyDocumentVersion(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyImportKpiValues($input: ImportKpiValuesInput!) {\n    importKpiValues(input: $input) {\n      importId\n      imported\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyImportKpiValues($input: ImportKpiValuesInput!) {\n    importKpiValues(input: $input) {\n      importId\n      imported\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategySetRoadmapStepStatus($input: SetRoadmapStepStatusInput!) {\n    setRoadmapStepStatus(input: $input) {\n      key\n      status\n      note\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategySetRoadmapStepStatus($input: SetRoadmapStepStatusInput!) {\n    setRoadmapStepStatus(input: $input) {\n      key\n      status\n      note\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyTaskForceMembers($first: Int, $after: String) {\n    taskForceMembers(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          role\n          roleLabel\n          department\n          external\n          externalContact\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyTaskForceMembers($first: Int, $after: String) {\n    taskForceMembers(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          role\n          roleLabel\n          department\n          external\n          externalContact\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyTaskForceChoices {\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n            email\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyTaskForceChoices {\n    members(first: 100) {\n      edges {\n        node {\n          userId\n          user {\n            displayName\n            email\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyAddTaskForceMember($input: AddTaskForceMemberInput!) {\n    addTaskForceMember(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyAddTaskForceMember($input: AddTaskForceMemberInput!) {\n    addTaskForceMember(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyRemoveTaskForceMember($input: RemoveTaskForceMemberInput!) {\n    removeTaskForceMember(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyRemoveTaskForceMember($input: RemoveTaskForceMemberInput!) {\n    removeTaskForceMember(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyRituals($first: Int, $after: String) {\n    rituals(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          cadence\n          weekday\n          dayOfMonth\n          time\n          timezone\n          nextOccurrence\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyRituals($first: Int, $after: String) {\n    rituals(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          cadence\n          weekday\n          dayOfMonth\n          time\n          timezone\n          nextOccurrence\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateRitual($input: CreateRitualInput!) {\n    createRitual(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateRitual($input: CreateRitualInput!) {\n    createRitual(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyUpdateRitual($input: UpdateRitualInput!) {\n    updateRitual(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyUpdateRitual($input: UpdateRitualInput!) {\n    updateRitual(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyDeleteRitual($input: DeleteRitualInput!) {\n    deleteRitual(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyDeleteRitual($input: DeleteRitualInput!) {\n    deleteRitual(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateAudienceSegment($input: CreateAudienceSegmentInput!) {\n    createAudienceSegment(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateAudienceSegment($input: CreateAudienceSegmentInput!) {\n    createAudienceSegment(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyUpdateAudienceSegment($input: UpdateAudienceSegmentInput!) {\n    updateAudienceSegment(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyUpdateAudienceSegment($input: UpdateAudienceSegmentInput!) {\n    updateAudienceSegment(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyDeleteAudienceSegment($input: DeleteAudienceSegmentInput!) {\n    deleteAudienceSegment(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyDeleteAudienceSegment($input: DeleteAudienceSegmentInput!) {\n    deleteAudienceSegment(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateNetworkPlan($input: CreateNetworkPlanInput!) {\n    createNetworkPlan(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateNetworkPlan($input: CreateNetworkPlanInput!) {\n    createNetworkPlan(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyUpdateNetworkPlan($input: UpdateNetworkPlanInput!) {\n    updateNetworkPlan(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyUpdateNetworkPlan($input: UpdateNetworkPlanInput!) {\n    updateNetworkPlan(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyDeleteNetworkPlan($input: DeleteNetworkPlanInput!) {\n    deleteNetworkPlan(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyDeleteNetworkPlan($input: DeleteNetworkPlanInput!) {\n    deleteNetworkPlan(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateCompetitor($input: CreateCompetitorInput!) {\n    createCompetitor(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateCompetitor($input: CreateCompetitorInput!) {\n    createCompetitor(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyUpdateCompetitor($input: UpdateCompetitorInput!) {\n    updateCompetitor(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyUpdateCompetitor($input: UpdateCompetitorInput!) {\n    updateCompetitor(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyDeleteCompetitor($input: DeleteCompetitorInput!) {\n    deleteCompetitor(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyDeleteCompetitor($input: DeleteCompetitorInput!) {\n    deleteCompetitor(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategySetBrandVoice($input: SetBrandVoiceInput!) {\n    setBrandVoice(input: $input) {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategySetBrandVoice($input: SetBrandVoiceInput!) {\n    setBrandVoice(input: $input) {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyNetworkChoices {\n    networks {\n      id\n      displayName\n    }\n  }\n',
): (typeof documents)['\n  query StrategyNetworkChoices {\n    networks {\n      id\n      displayName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyPlanChoices {\n    networks {\n      id\n      displayName\n    }\n    audienceSegments(first: 100) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyPlanChoices {\n    networks {\n      id\n      displayName\n    }\n    audienceSegments(first: 100) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyRoadmap {\n    roadmap {\n      doneCount\n      progress\n      steps {\n        number\n        key\n        title\n        description\n        status\n        manual\n        note\n        updatedAt\n        evidence {\n          key\n          explanation\n          measured\n          score\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyRoadmap {\n    roadmap {\n      doneCount\n      progress\n      steps {\n        number\n        key\n        title\n        description\n        status\n        manual\n        note\n        updatedAt\n        evidence {\n          key\n          explanation\n          measured\n          score\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyObjectives($first: Int, $after: String) {\n    objectives(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          description\n          metric\n          baseline\n          target\n          unit\n          deadline\n          createdAt\n          kpis {\n            id\n            objectiveId\n            name\n            metric\n            measure\n            frequency\n            target\n            unit\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyObjectives($first: Int, $after: String) {\n    objectives(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          description\n          metric\n          baseline\n          target\n          unit\n          deadline\n          createdAt\n          kpis {\n            id\n            objectiveId\n            name\n            metric\n            measure\n            frequency\n            target\n            unit\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateObjective($input: CreateObjectiveInput!) {\n    createObjective(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateObjective($input: CreateObjectiveInput!) {\n    createObjective(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyUpdateObjective($input: UpdateObjectiveInput!) {\n    updateObjective(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyUpdateObjective($input: UpdateObjectiveInput!) {\n    updateObjective(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyCreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyCreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyUpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyUpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StrategyRecordKpiValue($input: RecordKpiValueInput!) {\n    recordKpiValue(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation StrategyRecordKpiValue($input: RecordKpiValueInput!) {\n    recordKpiValue(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyKpiProgress($kpiId: ID!, $from: DateTime!, $to: DateTime!) {\n    kpiProgress(kpiId: $kpiId, from: $from, to: $to) {\n      kpiId\n      status\n      reason\n      target\n      baseline\n      periods {\n        start\n        end\n        value\n        target\n        progress\n        onTrack\n        origin\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyKpiProgress($kpiId: ID!, $from: DateTime!, $to: DateTime!) {\n    kpiProgress(kpiId: $kpiId, from: $from, to: $to) {\n      kpiId\n      status\n      reason\n      target\n      baseline\n      periods {\n        start\n        end\n        value\n        target\n        progress\n        onTrack\n        origin\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyKpiValues($kpiId: ID!, $first: Int, $after: String) {\n    kpiValues(kpiId: $kpiId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          value\n          note\n          source\n          current\n          createdAt\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyKpiValues($kpiId: ID!, $first: Int, $after: String) {\n    kpiValues(kpiId: $kpiId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          value\n          note\n          source\n          current\n          createdAt\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyAudienceSegments($first: Int, $after: String) {\n    audienceSegments(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          needs\n          usages\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyAudienceSegments($first: Int, $after: String) {\n    audienceSegments(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          needs\n          usages\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyNetworkPlans($first: Int, $after: String) {\n    networkPlans(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          postsPerWeek\n          rationale\n          reservedHandle\n          segments {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyNetworkPlans($first: Int, $after: String) {\n    networkPlans(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          network\n          postsPerWeek\n          rationale\n          reservedHandle\n          segments {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyCompetitors($first: Int, $after: String) {\n    competitors(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          notes\n          handles {\n            network\n            handle\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyCompetitors($first: Int, $after: String) {\n    competitors(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          notes\n          handles {\n            network\n            handle\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyBrandVoice {\n    brandVoice {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n',
): (typeof documents)['\n  query StrategyBrandVoice {\n    brandVoice {\n      tone\n      addressForm\n      wordsToUse\n      wordsToAvoid\n      updatedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyTaskForce {\n    taskForcePeople {\n      name\n      department\n      userId\n      memberIds\n      roles\n      roleLabels\n    }\n    nextWeeklyMeeting {\n      ritualId\n      localDate\n      time\n      timezone\n      startsAt\n      endsAt\n      durationMinutes\n      isoWeek\n      brainstormTheme\n      agenda {\n        kind\n        title\n        name\n        roles\n        theme\n        startsAt\n        endsAt\n        startOffsetMinutes\n        endOffsetMinutes\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyTaskForce {\n    taskForcePeople {\n      name\n      department\n      userId\n      memberIds\n      roles\n      roleLabels\n    }\n    nextWeeklyMeeting {\n      ritualId\n      localDate\n      time\n      timezone\n      startsAt\n      endsAt\n      durationMinutes\n      isoWeek\n      brainstormTheme\n      agenda {\n        kind\n        title\n        name\n        roles\n        theme\n        startsAt\n        endsAt\n        startOffsetMinutes\n        endOffsetMinutes\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StrategyDocumentView {\n    strategyDocument {\n      organizationName\n      language\n      generatedAt\n      markdown\n    }\n    approvedStrategy {\n      changedSinceApproval\n      version {\n        id\n        number\n        approvedAt\n        approverName\n        approvalComment\n        markdown\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StrategyDocumentView {\n    strategyDocument {\n      organizationName\n      language\n      generatedAt\n      markdown\n    }\n    approvedStrategy {\n      changedSinceApproval\n      version {\n        id\n        number\n        approvedAt\n        approverName\n        approvalComment\n        markdown\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      description\n    }\n  }\n',
): (typeof documents)['\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      description\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgencyWebhookEndpoints($first: Int, $after: String) {\n    agencyWebhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AgencyWebhookEndpoints($first: Int, $after: String) {\n    agencyWebhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrganizationWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OrganizationWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          url\n          description\n          eventTypes\n          enabled\n          disabledReason\n          disabledAt\n          previousSecretUntil\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgencyWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    agencyWebhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AgencyWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    agencyWebhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrganizationWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OrganizationWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          eventType\n          organizationId\n          status\n          attemptCount\n          createdAt\n          deliveredAt\n          nextAttemptAt\n          attempts {\n            id\n            attemptedAt\n            httpStatus\n            latencyMs\n            responseExcerpt\n            errorClass\n            errorMessage\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateAgencyWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createAgencyWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateAgencyWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createAgencyWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateOrganizationWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateOrganizationWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateAgencyWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateAgencyWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateAgencyWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateAgencyWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateOrganizationWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateOrganizationWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RotateAgencyWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateAgencyWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RotateAgencyWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateAgencyWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RotateOrganizationWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RotateOrganizationWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        previousSecretUntil\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SendAgencyTestWebhook($input: WebhookEndpointIdInput!) {\n    sendAgencyTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n',
): (typeof documents)['\n  mutation SendAgencyTestWebhook($input: WebhookEndpointIdInput!) {\n    sendAgencyTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SendOrganizationTestWebhook($input: WebhookEndpointIdInput!) {\n    sendTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n',
): (typeof documents)['\n  mutation SendOrganizationTestWebhook($input: WebhookEndpointIdInput!) {\n    sendTestWebhook(input: $input) {\n      ok\n      httpStatus\n      latencyMs\n      responseExcerpt\n      errorClass\n      errorMessage\n      webhookId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteAgencyWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteAgencyWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation DeleteAgencyWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteAgencyWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteOrganizationWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation DeleteOrganizationWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplayAgencyWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayAgencyWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplayAgencyWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayAgencyWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplayOrganizationWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplayOrganizationWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
