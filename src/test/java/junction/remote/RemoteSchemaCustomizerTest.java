package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.Test;

class RemoteSchemaCustomizerTest {
    static final Document USERS = Parser.parse(UserService.SDL);
    static final Document ZOO = Parser.parse(ZooService.SDL);

    static RemoteCustomization customization(String json) {
        return RemoteCustomization.read(Obj.of(Json.parse(json), "$.customization"));
    }

    static CustomizedSchema customize(Document document, String json) {
        return new RemoteSchemaCustomizer().customize(document, customization(json));
    }

    @Test
    void withoutCustomizationNothingIsRenamed() {
        CustomizedSchema schema = customize(USERS, "{}");
        assertThat(schema.names().isIdentity()).isTrue();
        assertThat(schema.queryType().getName()).isEqualTo("Query");
        assertThat(schema.types()).extracting(GraphQLNamedType::getName).containsExactly("User");
    }

    @Test
    void prefixAndSuffixSkipRootTypesAndBuiltInScalarsWithoutANamespace() {
        CustomizedSchema schema = customize(ZOO, "{\"type_names\": {\"prefix\": \"Z_\", \"suffix\": \"_t\"}}");
        assertThat(schema.queryType().getName()).isEqualTo("Query");
        assertThat(schema.types()).extracting(GraphQLNamedType::getName).contains("Z_Animal_t", "Z_DateTime_t", "Z_Pet_t")
                .doesNotContain("Query", "Z_String_t", "String");
        assertThat(schema.names().customType("Dog")).isEqualTo("Z_Dog_t");
        assertThat(schema.names().originalType("Z_Dog_t")).isEqualTo("Dog");
        assertThat(schema.names().customType("Int")).isEqualTo("Int");
    }

    @Test
    void aNamespaceWrapsRootFieldsInOneNonNullFieldOfTheRenamedRootType() {
        CustomizedSchema schema = customize(USERS, "{\"root_fields_namespace\": \"usersApi\", \"type_names\": {\"prefix\": \"U_\"}}");
        GraphQLFieldDefinition query = schema.queryRootFields().getFirst();
        assertThat(schema.queryRootFields()).hasSize(1);
        assertThat(query.getName()).isEqualTo("usersApi");
        assertThat(((GraphQLObjectType) ((GraphQLNonNull) query.getType()).getWrappedType()).getName()).isEqualTo("usersApiQuery");
        assertThat(schema.mutationRootFields()).extracting(f -> f.getType().toString()).containsExactly("usersApiMutation!");
        assertThat(schema.types()).extracting(GraphQLNamedType::getName)
                .containsExactlyInAnyOrder("U_User", "usersApiQuery", "usersApiMutation");
        assertThat(schema.rootFieldNames(graphql.language.OperationDefinition.Operation.QUERY)).containsExactly("usersApi");
    }

    @Test
    void mappingsWinOverPrefixesAndFieldNamesArePerParentType() {
        CustomizedSchema schema = customize(USERS, "{\"type_names\": {\"prefix\": \"U_\", \"mapping\": {\"User\": \"Person\"}},"
                + "\"field_names\": [{\"parent_type\": \"User\", \"suffix\": \"_f\", \"mapping\": {\"name\": \"fullName\"}},"
                + "{\"parent_type\": \"Query\", \"prefix\": \"get_\"}]}");
        GraphQLObjectType person = schema.schema().getObjectType("Person");
        assertThat(person.getFieldDefinitions()).extracting(GraphQLFieldDefinition::getName)
                .containsExactly("id_f", "fullName", "email_f");
        assertThat(person.getFieldDefinition("fullName").getDescription()).isEqualTo("Display name");
        assertThat(schema.queryRootFields()).extracting(GraphQLFieldDefinition::getName).containsExactly("get_user", "get_users");
        assertThat(schema.names().originalField("Person", "fullName")).isEqualTo("name");
        assertThat(schema.names().originalField("Query", "get_users")).isEqualTo("users");
        assertThat(schema.names().customField("User", "email")).isEqualTo("email_f");
    }

    @Test
    void typeNamesThatCollideAreRefused() {
        assertThatThrownBy(() -> customize(ZOO, "{\"type_names\": {\"mapping\": {\"Dog\": \"Cat\", \"Bird\": \"String\"}}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                    assertThat(e.getMessage()).isEqualTo("Type name mappings are not distinct; the following types appear "
                            + "more than once: \"Cat\", \"String\"");
                });
    }

    @Test
    void fieldNamesThatCollideAreRefused() {
        assertThatThrownBy(() -> customize(USERS, "{\"field_names\": [{\"parent_type\": \"User\", \"mapping\": {\"name\": \"email\"}}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("Field name mappings for "
                        + "object type \"User\" are not distinct; the following fields appear more than once: \"email\""));
    }

    @Test
    void anInterfaceFieldMustBeRenamedLikeInItsImplementations() {
        assertThatThrownBy(() -> customize(ZOO, "{\"field_names\": [{\"parent_type\": \"Animal\", \"mapping\": {\"name\": \"title\"}}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("Remote schema "
                        + "customization inconsistency: field name mapping for field \"name\" of interface \"Animal\" is "
                        + "inconsistent with mapping for type \"Dog\". Interface field name maps to \"title\". Type field name "
                        + "maps to \"name\"."));
    }

    @Test
    void badNamesInTheCustomizationAreParseErrors() {
        assertThatThrownBy(() -> customization("{\"type_names\": {\"prefix\": \"1x\"}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.PARSE_FAILED);
                    assertThat(e.path()).isEqualTo("$.customization.type_names.prefix");
                });
        assertThatThrownBy(() -> customization("{\"field_names\": [{\"prefix\": \"a\"}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("the key 'parent_type' was not present"));
    }
}
